package dev.backprop.engine;

import static java.util.Map.entry;

import java.util.Map;

/**
 * PyTorch 1.13's values for {@link MathOpsTest}, as {@code MathOpsTest.py} prints them: results and gradients as
 * hexadecimal literals (float32 ones with an {@code f}, so exactly the float's bits), and the {@code grad_fn} names.
 */
final class MathOpsExpected {
    private MathOpsExpected() {}

    static final Map<String, String> GRAD_FN = Map.ofEntries(
            entry("sin float32", "SinBackward0"),
            entry("sin float64", "SinBackward0"),
            entry("cos float32", "CosBackward0"),
            entry("cos float64", "CosBackward0"),
            entry("log1p float32", "Log1PBackward0"),
            entry("log1p float64", "Log1PBackward0"),
            entry("expm1 float32", "Expm1Backward0"),
            entry("expm1 float64", "Expm1Backward0"),
            entry("log2 float32", "Log2Backward0"),
            entry("log2 float64", "Log2Backward0"),
            entry("square float32", "PowBackward0"),
            entry("square float64", "PowBackward0"),
            entry("rsqrt float32", "RsqrtBackward0"),
            entry("rsqrt float64", "RsqrtBackward0"),
            entry("reciprocal float32", "ReciprocalBackward0"),
            entry("reciprocal float64", "ReciprocalBackward0"),
            entry("floor float32", "FloorBackward0"),
            entry("floor float64", "FloorBackward0"),
            entry("ceil float32", "CeilBackward0"),
            entry("ceil float64", "CeilBackward0"),
            entry("round float32", "RoundBackward0"),
            entry("round float64", "RoundBackward0"),
            entry("erf float32", "ErfBackward0"),
            entry("erf float64", "ErfBackward0"),
            entry("round decimals=2", "RoundBackward1"),
            entry("round decimals=0", "RoundBackward1"),
            entry("remainder", "RemainderBackward1"),
            entry("remainder number", "RemainderBackward0"),
            entry("atan2", "Atan2Backward0"),
            entry("lerp 0.3", "LerpBackward0"),
            entry("lerp 0.7", "LerpBackward0"),
            entry("lerp tensor", "LerpBackward1"),
            entry("prod", "ProdBackward0"),
            entry("prod dim", "ProdBackward1"),
            entry("prod float32 dtype float64", "ProdBackward1"),
            entry("std", "StdBackward0"),
            entry("std dim 1", "StdBackward0"),
            entry("std unbiased=False", "StdBackward0"),
            entry("std dim 0 keepdim correction 0", "StdBackward0"),
            entry("var", "VarBackward0"),
            entry("var dims", "VarBackward0"),
            entry("var dim 1 correction 2", "VarBackward0"),
            entry("norm", "NormBackward1"),
            entry("norm p=1", "NormBackward1"),
            entry("norm p=inf dim 1", "NormBackward1"),
            entry("norm p=-inf", "NormBackward1"),
            entry("norm p=3 dim 0 keepdim", "NormBackward1"),
            entry("norm p=0", "NormBackward1"),
            entry("norm p=0.5", "NormBackward1"),
            entry("norm fro dim 1", "NormBackward1"),
            entry("norm fro dims", "SqrtBackward0"),
            entry("norm dtype", "NormBackward3"),
            entry("logsumexp", "LogsumexpBackward0"),
            entry("cumsum", "CumsumBackward0"));

    static final Map<String, double[]> VALUES = Map.ofEntries(
            entry("sin float32", new double[] {
                -0x1.86d224p-2f, -0x1.ed578p-1f, -0x1.eaee88p-2f, 0x1.98eaeep-4f, 0x1.49d6e6p-1f,
                0x1.aed548p-1f, 0x1.326afp-1f, -0x1.6022e6p-1f}),
            entry("sin float32 grad", new double[] {
                -0x1.d93e2ap-1f, 0x1.11eb3ap-2f, 0x1.c1528p-1f, 0x1.fd713p-1f, 0x1.879966p-1f,
                0x1.14a282p-1f, -0x1.9a2f7ep-1f, -0x1.73ad64p-1f}),
            entry("sin float64", new double[] {
                -0x1.86d2239c183fbp-2, -0x1.ed577f9c51e4bp-1, -0x1.eaee8744b05fp-2, 0x1.98eaecb8bcb2cp-4, 0x1.49d6e694619b8p-1,
                0x1.aed548f090ceep-1, 0x1.326af0dcfcabp-1, -0x1.6022e2d1fb3cbp-1}),
            entry("sin float64 grad", new double[] {
                -0x1.d93e294faed14p-1, 0x1.11eb3682a4c5fp-2, 0x1.c1528065b7d5p-1, 0x1.fd712f9a817cp-1, 0x1.87996529f9d93p-1,
                0x1.14a280fb5068cp-1, -0x1.9a2f7ef858b7dp-1, -0x1.73ad66234c8eap-1}),
            entry("sin int64", new double[] {-0x1.210386p-3f, 0x0p+0f, 0x1.d18f6ep-1f, 0x1.50608cp-1f}),
            entry("cos float32", new double[] {
                -0x1.d93e2ap-1f, 0x1.11eb3ap-2f, 0x1.c1528p-1f, 0x1.fd713p-1f, 0x1.879966p-1f,
                0x1.14a282p-1f, -0x1.9a2f7ep-1f, -0x1.73ad64p-1f}),
            entry("cos float32 grad", new double[] {
                0x1.86d224p-2f, 0x1.ed578p-1f, 0x1.eaee88p-2f, -0x1.98eaeep-4f, -0x1.49d6e6p-1f,
                -0x1.aed548p-1f, -0x1.326afp-1f, 0x1.6022e6p-1f}),
            entry("cos float64", new double[] {
                -0x1.d93e294faed14p-1, 0x1.11eb3682a4c5fp-2, 0x1.c1528065b7d5p-1, 0x1.fd712f9a817cp-1, 0x1.87996529f9d93p-1,
                0x1.14a280fb5068cp-1, -0x1.9a2f7ef858b7dp-1, -0x1.73ad66234c8eap-1}),
            entry("cos float64 grad", new double[] {
                0x1.86d2239c183fbp-2, 0x1.ed577f9c51e4bp-1, 0x1.eaee8744b05fp-2, -0x1.98eaecb8bcb2cp-4, -0x1.49d6e694619b8p-1,
                -0x1.aed548f090ceep-1, -0x1.326af0dcfcabp-1, 0x1.6022e2d1fb3cbp-1}),
            entry("cos int64", new double[] {-0x1.fae04cp-1f, 0x1p+0f, -0x1.aa2266p-2f, 0x1.81ff7ap-1f}),
            entry("log1p float32", new double[] {
                0x1.8663f8p-4f, 0x1.0fae82p-1f, 0x1.62e43p-1f, 0x1.40b512p+0f, 0x1.96d81ep+0f,
                0x1.334e9ep-2f, 0x1.df2e6ep+0f, 0x1.4ac06ep+1f}),
            entry("log1p float32 grad", new double[] {
                0x1.d1745cp-1f, 0x1.2d2d2cp-1f, 0x1p-1f, 0x1.24924ap-2f, 0x1.a1f58cp-3f,
                0x1.7b425ep-1f, 0x1.3b13b2p-3f, 0x1.3521dp-4f}),
            entry("log1p float64", new double[] {
                0x1.8663f793c46c7p-4, 0x1.0fae81914a991p-1, 0x1.62e42fefa39efp-1, 0x1.40b512eb53d6p+0, 0x1.96d81e4fa0a84p+0,
                0x1.334e9e47d07f4p-2, 0x1.df2e6d6e5fbaap+0, 0x1.4ac06e8a51fb3p+1}),
            entry("log1p float64 grad", new double[] {
                0x1.d1745d1745d17p-1, 0x1.2d2d2d2d2d2d3p-1, 0x1p-1, 0x1.2492492492492p-2, 0x1.a1f58d0fac687p-3,
                0x1.7b425ed097b42p-1, 0x1.3b13b13b13b14p-3, 0x1.3521cfb2b78c1p-4}),
            entry("log1p int64", new double[] {Float.NaN, 0x0p+0f, 0x1.193ea8p+0f, 0x1.0a2b24p+1f}),
            entry("expm1 float32", new double[] {
                -0x1.df44d8p-1f, -0x1.7476b6p-1f, -0x1.92e9ap-2f, 0x1.aec7b4p-4f, 0x1.03854cp+0f,
                0x1.b7e152p+0f, 0x1.65d6fep+3f, 0x1.83383ap+5f}),
            entry("expm1 float32 grad", new double[] {
                0x1.05d94p-4f, 0x1.171294p-2f, 0x1.368b3p-1f, 0x1.1aec7cp+0f, 0x1.01c2a6p+1f,
                0x1.5bf0a8p+1f, 0x1.85d6fep+3f, 0x1.8b383ap+5f}),
            entry("expm1 float64", new double[] {
                -0x1.df44d8eda0bfep-1, -0x1.7476b67b98ecp-1, -0x1.92e9a0720d3ecp-2, 0x1.aec7b35a00d3ap-4, 0x1.03854c24d130dp+0,
                0x1.b7e151628aed3p+0, 0x1.65d6fd931e0bbp+3, 0x1.8338373c9473cp+5}),
            entry("expm1 float64 grad", new double[] {
                0x1.05d93892fa01p-4, 0x1.17129308ce28p-2, 0x1.368b2fc6f960ap-1, 0x1.1aec7b35a00d4p+0, 0x1.01c2a61268986p+1,
                0x1.5bf0a8b14576ap+1, 0x1.85d6fd931e0bbp+3, 0x1.8b38373c9473cp+5}),
            entry("expm1 int64", new double[] {-0x1.e6825p-1f, 0x0p+0f, 0x1.98e64cp+2f, 0x1.11e886p+10f}),
            entry("log2 float32", new double[] {
                -0x1.a934fp+1f, -0x1.077624p-1f, 0x0p+0f, 0x1.5269e2p+0f, 0x1.f6a63ep+0f,
                -0x1.83bb12p+0f, 0x1.3acea8p+1f, 0x1.ceaedp+1f}),
            entry("log2 float32 grad", new double[] {
                0x1.cda994p+3f, 0x1.07ce9ep+1f, 0x1.715476p+0f, 0x1.2776c6p-1f, 0x1.7accc8p-2f,
                0x1.07ce9ep+2f, 0x1.0c9a84p-2f, 0x1.e263ep-4f}),
            entry("log2 float64", new double[] {
                -0x1.a934f0979a371p+1, -0x1.0776228967d13p-1, 0x0p+0, 0x1.5269e12f346e3p+0, 0x1.f6a63d7d03aebp+0,
                -0x1.83bb1144b3e89p+0, 0x1.3acea7c065d42p+1, 0x1.ceaecfea8085ap+1}),
            entry("log2 float64 grad", new double[] {
                0x1.cda993e7663bep+3, 0x1.07ce9da8ccb48p+1, 0x1.71547652b82fep+0, 0x1.2776c50ef9bfep-1, 0x1.7accc82053e26p-2,
                0x1.07ce9da8ccb48p+2, 0x1.0c9a84994022dp-2, 0x1.e263de767da1dp-4}),
            entry("log2 int64", new double[] {Float.NaN, Float.NEGATIVE_INFINITY, 0x1p+0f, 0x1.675768p+1f}),
            entry("square float32", new double[] {
                0x1.e4p+2f, 0x1.b0a3d4p+0f, 0x1p-2f, 0x1.47ae16p-7f, 0x1.f5c28ep-2f,
                0x1p+0f, 0x1.9p+2f, 0x1.e6b854p+3f}),
            entry("square float32 grad", new double[] {
                -0x1.6p+2f, -0x1.4cccccp+1f, -0x1p+0f, 0x1.99999ap-3f, 0x1.666666p+0f,
                0x1p+1f, 0x1.4p+2f, 0x1.f33334p+2f}),
            entry("square float64", new double[] {
                0x1.e4p+2, 0x1.b0a3d70a3d70bp+0, 0x1p-2, 0x1.47ae147ae147cp-7, 0x1.f5c28f5c28f5bp-2,
                0x1p+0, 0x1.9p+2, 0x1.e6b851eb851ebp+3}),
            entry("square float64 grad", new double[] {
                -0x1.6p+2, -0x1.4cccccccccccdp+1, -0x1p+0, 0x1.999999999999ap-3, 0x1.6666666666666p+0,
                0x1p+1, 0x1.4p+2, 0x1.f333333333333p+2}),
            entry("rsqrt float32", new double[] {
                0x1.94c584p+1f, 0x1.31fa8p+0f, 0x1p+0f, 0x1.43d136p-1f, 0x1.0342e2p-1f,
                0x1.b0b80ep+0f, 0x1.b4a294p-2f, 0x1.24924ap-2f}),
            entry("rsqrt float32 grad", new double[] {
                -0x1.f9f6e4p+3f, -0x1.b51cb6p-1f, -0x1p-1f, -0x1.030dc6p-3f, -0x1.09e8bp-4f,
                -0x1.3515cp+1f, -0x1.3d8d84p-5f, -0x1.7e2258p-7f}),
            entry("rsqrt float64", new double[] {
                0x1.94c583ada5b52p+1, 0x1.31fa808c55b43p+0, 0x1p+0, 0x1.43d136248490fp-1, 0x1.0342e31cfeff9p-1,
                0x1.b0b80ef844ba1p+0, 0x1.b4a293c1d954fp-2, 0x1.2492492492492p-2}),
            entry("rsqrt float64 grad", new double[] {
                -0x1.f9f6e4990f225p+3, -0x1.b51cb7a3e825fp-1, -0x1p-1, -0x1.030dc4ea03a73p-3, -0x1.09e8b46c82414p-4,
                -0x1.3515c18cc3605p+1, -0x1.3d8d82bb86c96p-5, -0x1.7e225515a4f1cp-7}),
            entry("rsqrt int64", new double[] {Float.NaN, Float.POSITIVE_INFINITY, 0x1.6a09e6p-1f, 0x1.83092p-2f}),
            entry("reciprocal float32", new double[] {
                -0x1.745d18p-2f, -0x1.89d89ep-1f, -0x1p+1f, 0x1.4p+3f, 0x1.6db6dcp+0f,
                0x1p+0f, 0x1.99999ap-2f, 0x1.069068p-2f}),
            entry("reciprocal float32 grad", new double[] {
                -0x1.0ecf58p-3f, -0x1.2ef566p-1f, -0x1p+2f, -0x1.9p+6f, -0x1.053978p+1f,
                -0x1p+0f, -0x1.47ae16p-3f, -0x1.0d4be6p-4f}),
            entry("reciprocal float64", new double[] {
                -0x1.745d1745d1746p-2, -0x1.89d89d89d89d8p-1, -0x1p+1, 0x1.4p+3, 0x1.6db6db6db6db7p+0,
                0x1p+0, 0x1.999999999999ap-2, 0x1.0690690690691p-2}),
            entry("reciprocal float64 grad", new double[] {
                -0x1.0ecf56be69c9p-3, -0x1.2ef5657dba51cp-1, -0x1p+2, -0x1.9p+6, -0x1.05397829cbc15p+1,
                -0x1p+0, -0x1.47ae147ae147cp-3, -0x1.0d4be86fc20fep-4}),
            entry("reciprocal int64", new double[] {-0x1.555556p-2f, Float.POSITIVE_INFINITY, 0x1p-1f, 0x1.24924ap-3f}),
            entry("floor float32", new double[] {
                -0x1.8p+1f, -0x1p+1f, -0x1p+0f, 0x0p+0f, 0x0p+0f,
                0x1p+0f, 0x1p+1f, 0x1.8p+1f}),
            entry("floor float32 grad", new double[] {
                0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f,
                0x0p+0f, 0x0p+0f, 0x0p+0f}),
            entry("floor float64", new double[] {
                -0x1.8p+1, -0x1p+1, -0x1p+0, 0x0p+0, 0x0p+0,
                0x1p+0, 0x1p+1, 0x1.8p+1}),
            entry("floor float64 grad", new double[] {
                0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0,
                0x0p+0, 0x0p+0, 0x0p+0}),
            entry("ceil float32", new double[] {
                -0x1p+1f, -0x1p+0f, -0x0p+0f, 0x1p+0f, 0x1p+0f,
                0x1p+0f, 0x1.8p+1f, 0x1p+2f}),
            entry("ceil float32 grad", new double[] {
                0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f,
                0x0p+0f, 0x0p+0f, 0x0p+0f}),
            entry("ceil float64", new double[] {
                -0x1p+1, -0x1p+0, -0x0p+0, 0x1p+0, 0x1p+0,
                0x1p+0, 0x1.8p+1, 0x1p+2}),
            entry("ceil float64 grad", new double[] {
                0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0,
                0x0p+0, 0x0p+0, 0x0p+0}),
            entry("round float32", new double[] {
                -0x1.8p+1f, -0x1p+0f, -0x0p+0f, 0x0p+0f, 0x1p+0f,
                0x1p+0f, 0x1p+1f, 0x1p+2f, 0x0p+0f, 0x1p+1f,
                -0x1p+1f, 0x1p+1f}),
            entry("round float32 grad", new double[] {
                0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f,
                0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f, 0x0p+0f,
                0x0p+0f, 0x0p+0f}),
            entry("round float64", new double[] {
                -0x1.8p+1, -0x1p+0, -0x0p+0, 0x0p+0, 0x1p+0,
                0x1p+0, 0x1p+1, 0x1p+2, 0x0p+0, 0x1p+1,
                -0x1p+1, 0x1p+1}),
            entry("round float64 grad", new double[] {
                0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0,
                0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0, 0x0p+0,
                0x0p+0, 0x0p+0}),
            entry("erf float32", new double[] {
                -0x1.fff2dp-1f, -0x1.de364ap-1f, -0x1.0a7ef6p-1f, 0x1.cca5eap-4f, 0x1.5b08c2p-1f,
                0x1.af767ap-1f, 0x1.ffcaa8p-1f, 0x1.fffffep-1f}),
            entry("erf float32 grad", new double[] {
                0x1.3360cep-11f, 0x1.aa68fap-3f, 0x1.c1efccp-1f, 0x1.1dfda6p+0f, 0x1.61eecap-1f,
                0x1.a911f2p-2f, 0x1.1d8318p-9f, 0x1.2c6cbp-22f}),
            entry("erf float64", new double[] {
                -0x1.fff2cfb0453d9p-1, -0x1.de364a1372d3ap-1, -0x1.0a7ef5c18edd2p-1, 0x1.cca5ea24fb334p-4, 0x1.5b08c21171646p-1,
                0x1.af767a741088bp-1, 0x1.ffcaa8f4c9beap-1, 0x1.fffffed523094p-1}),
            entry("erf float64 grad", new double[] {
                0x1.3360ccd23db3ap-11, 0x1.aa68f2f070e23p-3, 0x1.c1efca49a5011p-1, 0x1.1dfda5cfd513fp+0, 0x1.61eec74c053cbp-1,
                0x1.a911f096fbc26p-2, 0x1.1d83170fbf6fcp-9, 0x1.2c6cc34376dcdp-22}),
            entry("erf int64", new double[] {-0x1.fffd1ap-1f, 0x0p+0f, 0x1.fd9ae2p-1f, 0x1p+0f}),
            entry("round decimals=2", new double[] {0x1.4p+0f, 0x1.4p+1f, -0x1p-1f, 0x1.34a47ap+10f, 0x1.eb851ep-4f}),
            entry("round decimals=-2", new double[] {0x0p+0f, 0x1.9p+7f, 0x1.2cp+10f, -0x1.9p+7f}),
            entry("round decimals=0", new double[] {0x1p+0f, 0x1p+1f, -0x0p+0f, 0x1.34cp+10f, 0x0p+0f}),
            entry("remainder", new double[] {
                0x1.8p+0f, 0x1p-1f, -0x1p-1f, -0x1.8p+0f, 0x0p+0f,
                -0x0p+0f}),
            entry("remainder grad self", new double[] {
                0x1p+0f, 0x1p+0f, 0x1p+0f, 0x1p+0f, 0x1p+0f,
                0x1p+0f}),
            entry("remainder grad other", new double[] {
                -0x1p+1f, 0x1.8p+1f, 0x1.8p+1f, -0x1p+1f, -0x1p+1f,
                0x0p+0f}),
            entry("remainder number", new double[] {
                0x1p-1f, 0x1p+1f, 0x1p-1f, 0x1p+1f, 0x1p-1f,
                -0x0p+0f}),
            entry("remainder int64 by float", new double[] {0x0p+0f, -0x0p+0f}),
            entry("remainder float by zero", new double[] {Float.NaN, Float.NaN}),
            entry("remainder float32 big", new double[] {0x1.2f37ap-2f, 0x1.2a05f2p+33f}),
            entry("atan2", new double[] {0x1.921fb6p-1f, -0x1.921fb6p-1f, -0x1.2d97c8p+1f, 0x1.72c44p+1f, 0x1.7cd6f6p+0f}),
            entry("atan2 grad self", new double[] {0x1p-1f, 0x1p-1f, -0x1p-1f, -0x1.e1e1e2p-2f, 0x1.c3f8fp-6f}),
            entry("atan2 grad other", new double[] {-0x1p-1f, 0x1p-1f, 0x1p-1f, -0x1.e1e1e2p-4f, -0x1.52fab4p-2f}),
            entry("atan2 float64", new double[] {
                0x1.921fb54442d18p-1, -0x1.921fb54442d18p-1, -0x1.2d97c7f3321d2p+1, 0x1.72c43f4b1650ap+1, 0x1.7cd6f6dc59db4p+0}),
            entry("atan2 int64", new double[] {0x1.4978fap-2f, 0x1.dac67p-2f}),
            entry("lerp 0.3", new double[] {0x1.f33334p+0f, -0x1.733332p+0f, 0x1.1eb852p-2f}),
            entry("lerp 0.3 grads", new double[] {
                0x1.666666p-1f, 0x1.666666p-1f, 0x1.666666p-1f, 0x1.333334p-2f, 0x1.333334p-2f,
                0x1.333334p-2f}),
            entry("lerp 0.7", new double[] {0x1.466666p+1f, -0x1.9999bp-5f, 0x1.0a3d7p-1f}),
            entry("lerp 0.7 grads", new double[] {
                0x1.333334p-2f, 0x1.333334p-2f, 0x1.333334p-2f, 0x1.666666p-1f, 0x1.666666p-1f,
                0x1.666666p-1f}),
            entry("lerp tensor", new double[] {0x1.ep+0f, 0x1p-3f, 0x1.99999ap-2f}),
            entry("lerp tensor grads", new double[] {
                0x1.8p-1f, 0x1p-2f, 0x1p-1f, 0x1p-2f, 0x1.8p-1f,
                0x1p-1f, 0x1.8p+0f, 0x1.cp+1f, 0x1.333332p-1f}),
            entry("prod", new double[] {0x1.68p+3f}),
            entry("prod grad", new double[] {
                0x1.ep+2f, -0x1.68p+2f, 0x1.ep+1f, 0x1.68p+4f, 0x1.68p+2f,
                -0x1.2p+3f}),
            entry("prod dim", new double[] {-0x1.2p+3f, -0x1.4p+0f}),
            entry("prod dim grad", new double[] {
                -0x1.8p+2f, 0x1.2p+2f, -0x1.8p+1f, -0x1.4p+1f, -0x1.4p-1f,
                0x1p+0f}),
            entry("prod zeros dim", new double[] {0x0p+0f, 0x0p+0f, -0x1.8p+1f}),
            entry("prod zeros dim grad", new double[] {
                0x0p+0f, 0x1.8p+2f, 0x0p+0f, 0x0p+0f, 0x0p+0f,
                0x0p+0f, -0x1p+1f, -0x1.8p+0f, 0x1.8p+1f}),
            entry("prod one zero grad", new double[] {-0x0p+0f, -0x1.2p+3f, -0x0p+0f, 0x0p+0f}),
            entry("prod zeros second derivative", new double[] {
                0x1.8p+1f, 0x1.4p+2f, 0x1p+1f, 0x1.8p+2f, 0x1.4p+2f,
                0x1.8p+1f}),
            entry("prod int64 dtype float32", new double[] {0x1.8p+3f}),
            entry("prod float32 dtype float64", new double[] {0x1.8p-1, -0x1p+2, -0x1.ep+1}),
            entry("std", new double[] {0x1.0eaf98p+1f}),
            entry("std grad", new double[] {
                0x1.25fde6p-5f, -0x1.dfe5fap-3f, 0x1.190584p-3f, -0x1.8dc0ecp-5f, -0x1.03678ep-5f,
                0x1.1d585p-4f, -0x1.105ffp-3f, 0x1.a35ee2p-3f}),
            entry("std dim 1", new double[] {0x1.2a554ap+1f, 0x1.11687ap+1f}),
            entry("std dim 1 grad", new double[] {
                0x1.1297a4p-3f, -0x1.c08036p-2f, 0x1.64f854p-2f, -0x1.6e1f84p-5f, -0x1.17a67cp-3f,
                0x1.8f801ep-4f, -0x1.7b8684p-2f, 0x1.a379bap-2f}),
            entry("std unbiased=False", new double[] {0x1.fa682ep+0f}),
            entry("std unbiased=False grad", new double[] {
                0x1.13011p-5f, -0x1.c0e76p-3f, 0x1.06df22p-3f, -0x1.74107ep-5f, -0x1.e54d2ap-6f,
                0x1.0aea7p-4f, -0x1.fd9106p-4f, 0x1.88490ap-3f}),
            entry("std dim 0 keepdim correction 0", new double[] {0x1p-1f, 0x1.2p+1f, 0x1p+1f, 0x1.ep+0f}),
            entry("std dim 0 keepdim correction 0 grad", new double[] {
                0x1p-1f, -0x1p-1f, 0x1p-1f, -0x1p-1f, -0x1p-1f,
                0x1p-1f, -0x1p-1f, 0x1p-1f}),
            entry("var", new double[] {0x1.1e36dcp+2f}),
            entry("var grad", new double[] {
                0x1.36db6ep-3f, -0x1.fb6db8p-1f, 0x1.292494p-1f, -0x1.a4924ap-3f, -0x1.124926p-3f,
                0x1.2db6dcp-2f, -0x1.2p-1f, 0x1.bb6db8p-1f}),
            entry("var dims", new double[] {0x1.f4ep+1f}),
            entry("var dims grad", new double[] {
                0x1.1p-3f, -0x1.bcp-1f, 0x1.04p-1f, -0x1.7p-3f, -0x1.ep-4f,
                0x1.08p-2f, -0x1.f8p-2f, 0x1.84p-1f}),
            entry("var dim 1 correction 2", new double[] {0x1.04cp+3f, 0x1.b6p+2f}),
            entry("var dim 1 correction 2 grad", new double[] {
                0x1.ep-1f, -0x1.88p+1f, 0x1.38p+1f, -0x1.4p-2f, -0x1.cp-1f,
                0x1.4p-1f, -0x1.3p+1f, 0x1.5p+1f}),
            entry("std float64", new double[] {0x1.2a5549211564bp+1, 0x1.11687a8ae14a3p+1}),
            entry("norm", new double[] {0x1.8938fcp+2f}),
            entry("norm grad", new double[] {
                0x1.f3fddap-3f, -0x1.a0a8ep-2f, 0x1.f3fddap-2f, 0x1.4d53e6p-4f, 0x1.4d53e6p-2f,
                -0x1.4d53e6p-1f}),
            entry("norm p=1", new double[] {0x1.bp+3f}),
            entry("norm p=1 grad", new double[] {
                0x1p+0f, -0x1p+0f, 0x1p+0f, 0x1p+0f, 0x1p+0f,
                -0x1p+0f}),
            entry("norm p=inf dim 1", new double[] {0x1.8p+1f, 0x1p+2f}),
            entry("norm p=inf dim 1 grad", new double[] {
                0x0p+0f, -0x0p+0f, 0x1p+0f, 0x0p+0f, 0x0p+0f,
                -0x1p+0f}),
            entry("norm p=-inf", new double[] {0x1p-1f}),
            entry("norm p=-inf grad", new double[] {
                0x0p+0f, -0x0p+0f, 0x0p+0f, 0x1p+0f, 0x0p+0f,
                -0x0p+0f}),
            entry("norm p=3 dim 0 keepdim", new double[] {0x1.84aef2p+0f, 0x1.6f4866p+1f, 0x1.1fde46p+2f}),
            entry("norm p=3 dim 0 keepdim grad", new double[] {
                0x1.f3bc6p-1f, -0x1.84a8b4p-1f, 0x1.c7871cp-2f, 0x1.bc35aap-4f, 0x1.f17bc8p-2f,
                -0x1.94e9ep-1f}),
            entry("norm p=0", new double[] {0x1.8p+2f}),
            entry("norm p=0.5", new double[] {0x1.2bee48p+6f}),
            entry("norm p=0.5 grad", new double[] {
                0x1.c47f02p+2f, -0x1.5e8082p+2f, 0x1.3ff68cp+2f, 0x1.87df86p+3f, 0x1.87df86p+2f,
                -0x1.15189ep+2f}),
            entry("norm fro dim 1", new double[] {0x1.0bbb3p+2f, 0x1.2p+2f}),
            entry("norm fro dim 1 grad", new double[] {
                0x1.6f2c9ap-2f, -0x1.31fa82p-1f, 0x1.6f2c9ap-1f, 0x1.c71c72p-4f, 0x1.c71c72p-2f,
                -0x1.c71c72p-1f}),
            entry("norm fro dims", new double[] {0x1.8938fcp+2f}),
            entry("norm fro dims grad", new double[] {
                0x1.f3fdd8p-3f, -0x1.a0a8ep-2f, 0x1.f3fdd8p-2f, 0x1.4d53e6p-4f, 0x1.4d53e6p-2f,
                -0x1.4d53e6p-1f}),
            entry("norm dtype", new double[] {0x1.8938fb37bc9c1p+2}),
            entry("norm dtype grad", new double[] {
                0x1.f3fddcp-3f, -0x1.a0a8e2p-2f, 0x1.f3fddcp-2f, 0x1.4d53e8p-4f, 0x1.4d53e8p-2f,
                -0x1.4d53e8p-1f}),
            entry("norm of zeros grad", new double[] {0x0p+0f, 0x0p+0f, 0x0p+0f}),
            entry("logsumexp", new double[] {0x1.9a3536p+1f, 0x1.9p+6f}),
            entry("logsumexp grad", new double[] {
                0x1.745d04p-3f, 0x1.b47c0cp-9f, 0x1.a13446p-1f, 0x1.6p-144f, 0x1.88p-142f,
                0x1p+0f}),
            entry("logsumexp keepdim", new double[] {0x1.9p+6f}),
            entry("logsumexp -inf", new double[] {Float.NEGATIVE_INFINITY}),
            entry("logsumexp int64", new double[] {0x1.b42c6ep+1f}),
            entry("cumsum", new double[] {
                0x1.8p+0f, -0x1p+0f, 0x1p+1f, 0x1p-1f, 0x1.4p+1f,
                0x1.4cccccp+1f}),
            entry("cumsum grad", new double[] {
                0x1.8p+2f, 0x1.4p+2f, 0x1.8p+1f, 0x1.ep+3f, 0x1.6p+3f,
                0x1.8p+2f}),
            entry("cumsum dim 0 float64", new double[] {
                0x1.8p+0, -0x1.4p+1, 0x1.8p+1, 0x1p+1, -0x1p-1,
                0x1.8cccccdp+1}));
}
