package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The activations and softmax against PyTorch 1.13: values, the gradient of {@code (result * G).sum()}, grad_fn names
 * and error texts, in float32 and float64. The expected numbers are what {@code ActivationsTest.py} (beside this file)
 * prints. float32 values agree within 2 ulp: the kernels round each step to float as PyTorch's do, with Java's exp,
 * tanh and erf in place of glibc's.
 */
class ActivationsTest {
    static final float[] X = {-2.5f, -1.0f, -0.3f, 0.0f, 0.4f, 1.7f};
    static final double[] X64 = {-2.5, -1.0, -0.3, 0.0, 0.4, 1.7};
    static final double[] G = {1.0, -2.0, 0.5, 3.0, -1.0, 2.0};

    record Case(String label, String op, Map<String, Object> attrs, int[] shape, String gradFn, float[] values32, float[] grad32,
                double[] values64, double[] grad64) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("softmax dim 1", "softmax", Map.of("dim", 1), new int[] {2, 3}, "SoftmaxBackward0",
                    new float[] {0.0689336508512497f, 0.3089391887187958f, 0.622127115726471f,
                        0.12553711235523224f, 0.1872793585062027f, 0.6871835589408875f},
                    new float[] {0.08533167093992233f, -0.5443875789642334f, 0.45905590057373047f,
                        0.18030905723571777f, -0.4801279604434967f, 0.2998187839984894f},
                    new double[] {0.06893365292287121, 0.30893919888290955, 0.6221271481942191,
                        0.12553710911898314, 0.1872793598541862, 0.6871835310268306},
                    new double[] {0.0853316709839511, -0.5443875794462711, 0.4590559084623201,
                        0.18030907165427654, -0.48012791311412556, 0.29981884145984916}),
            new Case("softmax dim 0", "softmax", Map.of("dim", 0), new int[] {2, 3}, "SoftmaxBackward0",
                    new float[] {0.07585817575454712f, 0.1978161334991455f, 0.11920291930437088f,
                        0.9241418242454529f, 0.8021839261054993f, 0.8807970285415649f},
                    new float[] {-0.140207439661026f, -0.15868490934371948f, -0.15749035775661469f,
                        0.14020732045173645f, 0.15868492424488068f, 0.15749049186706543f},
                    new double[] {0.07585818002124356, 0.19781611144141825, 0.11920292202211755,
                        0.9241418199787566, 0.8021838885585817, 0.8807970779778823},
                    new double[] {-0.14020743309021635, -0.15868489749561462, -0.15749037810525973,
                        0.14020743309021613, 0.15868489749561468, 0.15749037810526006}),
            new Case("log_softmax dim 1", "log_softmax", Map.of("dim", 1), new int[] {2, 3}, "LogSoftmaxBackward0",
                    new float[] {-2.6746108531951904f, -1.1746108531951904f, -0.4746108055114746f,
                        -2.0751538276672363f, -1.6751538515090942f, -0.3751538097858429f},
                    new float[] {1.0344668626785278f, -1.845530390739441f, 0.8110635280609131f,
                        2.497851610183716f, -1.7491174936294556f, -0.7487342357635498f},
                    new double[] {-2.674610788814855, -1.174610788814855, -0.4746107888148549,
                        -2.0751538739269266, -1.6751538739269265, -0.3751538739269266},
                    new double[] {1.0344668264614356, -1.8455304005585451, 0.8110635740971095,
                        2.4978515635240672, -1.7491174394167448, -0.7487341241073224}),
            new Case("log_softmax dim -2", "log_softmax", Map.of("dim", -2), new int[] {2, 3}, "LogSoftmaxBackward0",
                    new float[] {-2.578889846801758f, -1.6204173564910889f, -2.1269280910491943f,
                        -0.07888974994421005f, -0.22041738033294678f, -0.12692804634571075f},
                    new float[] {0.6965672969818115f, -1.4065515995025635f, 0.2019927203655243f,
                        -0.6965672969818115f, 1.4065518379211426f, -0.20199257135391235f},
                    new double[] {-2.5788897342925496, -1.620417409918451, -2.1269280110429727,
                        -0.07888973429254957, -0.22041740991845102, -0.1269280110429726},
                    new double[] {0.6965672799150258, -1.4065516656757453, 0.20199269494470617,
                        -0.6965672799150262, 1.406551665675745, -0.2019926949447058}),
            new Case("leaky_relu", "leaky_relu", Map.of(), new int[] {6}, "LeakyReluBackward0",
                    new float[] {-0.02499999850988388f, -0.009999999776482582f, -0.003000000026077032f,
                        0.0f, 0.4000000059604645f, 1.7000000476837158f},
                    new float[] {0.009999999776482582f, -0.019999999552965164f, 0.004999999888241291f,
                        0.029999999329447746f, -1.0f, 2.0f},
                    new double[] {-0.025, -0.01, -0.003,
                        0.0, 0.4, 1.7},
                    new double[] {0.01, -0.02, 0.005,
                        0.03, -1.0, 2.0}),
            new Case("leaky_relu 0.2", "leaky_relu", Map.of("negative_slope", 0.2), new int[] {6}, "LeakyReluBackward0",
                    new float[] {-0.5f, -0.20000000298023224f, -0.06000000238418579f,
                        0.0f, 0.4000000059604645f, 1.7000000476837158f},
                    new float[] {0.20000000298023224f, -0.4000000059604645f, 0.10000000149011612f,
                        0.6000000238418579f, -1.0f, 2.0f},
                    new double[] {-0.5, -0.2, -0.06,
                        0.0, 0.4, 1.7},
                    new double[] {0.2, -0.4, 0.1,
                        0.6000000000000001, -1.0, 2.0}),
            new Case("leaky_relu_", "leaky_relu_", Map.of("negative_slope", 0.2), new int[] {6}, "LeakyReluBackward1",
                    new float[] {-0.5f, -0.20000000298023224f, -0.06000000238418579f,
                        0.0f, 0.4000000059604645f, 1.7000000476837158f},
                    new float[] {0.20000000298023224f, -0.4000000059604645f, 0.10000000149011612f,
                        0.6000000238418579f, -1.0f, 2.0f},
                    new double[] {-0.5, -0.2, -0.06,
                        0.0, 0.4, 1.7},
                    new double[] {0.2, -0.4, 0.1,
                        0.6000000000000001, -1.0, 2.0}),
            new Case("gelu", "gelu", Map.of(), new int[] {6}, "GeluBackward0",
                    new float[] {-0.015524178743362427f, -0.1586552858352661f, -0.11462658643722534f,
                        0.0f, 0.26216867566108704f, 1.6242388486862183f},
                    new float[] {-0.03761106729507446f, 0.16663086414337158f, 0.13383613526821136f,
                        1.5f, -0.8027297258377075f, 2.23063588142395f},
                    new double[] {-0.015524163314440398, -0.15865525393145702, -0.1146265733433142,
                        0.0, 0.2621686966441297, 1.6242387133104768},
                    new double[] {-0.03761108590814519, 0.1666309411753727, 0.13383611658644506,
                        1.5, -0.8027297977316535, 2.2306359375643297}),
            new Case("gelu tanh", "gelu", Map.of("approximate", "tanh"), new int[] {6}, "GeluBackward0",
                    new float[] {-0.015084296464920044f, -0.15880799293518066f, -0.11462908238172531f,
                        0.0f, 0.26216116547584534f, 1.6241059303283691f},
                    new float[] {-0.03795165196061134f, 0.1659281849861145f, 0.1338522732257843f,
                        1.5f, -0.8026587963104248f, 2.2318291664123535f},
                    new double[] {-0.015084266089998577, -0.15880800939172324, -0.11462907645724074,
                        0.0, 0.2621611694273562, 1.624105895551156},
                    new double[] {-0.03795157621266618, 0.16592816769156504, 0.13385227418059908,
                        1.5, -0.8026588344205614, 2.23182926290521}),
            new Case("softplus", "softplus", Map.of(), new int[] {6}, "SoftplusBackward0",
                    new float[] {0.07888973504304886f, 0.3132616877555847f, 0.554355263710022f,
                        0.6931471824645996f, 0.9130152463912964f, 1.8677860498428345f},
                    new float[] {0.07585817575454712f, -0.5378828644752502f, 0.2127787321805954f,
                        1.5f, -0.5986877083778381f, 1.691069483757019f},
                    new double[] {0.07888973429254963, 0.31326168751822286, 0.5543552444685271,
                        0.6931471805599453, 0.9130152523999526, 1.867786029386266},
                    new double[] {0.07585818002124356, -0.5378828427399902, 0.2127787415941705,
                        1.5, -0.598687660112452, 1.6910694698329305}),
            new Case("softplus beta 2 threshold 1", "softplus", Map.of("beta", 2, "threshold", 1), new int[] {6}, "SoftplusBackward0",
                    new float[] {0.003357674228027463f, 0.06346400082111359f, 0.2187439650297165f,
                        0.3465735912322998f, 0.5855503082275391f, 1.7000000476837158f},
                    new float[] {0.006692850962281227f, -0.23840583860874176f, 0.17717184126377106f,
                        1.5f, -0.6899744868278503f, 2.0f},
                    new double[] {0.003357674244559034, 0.06346400552148625, 0.2187439752429428,
                        0.34657359027997264, 0.5855503329738889, 1.7},
                    new double[] {0.006692850924284856, -0.2384058440442351, 0.17717184688710225,
                        1.5, -0.6899744811276125, 2.0}),
            new Case("silu", "silu", Map.of(), new int[] {6}, "SiluBackward0",
                    new float[] {-0.189645454287529f, -0.2689414322376251f, -0.12766724824905396f,
                        0.0f, 0.2394750714302063f, 1.4374091625213623f},
                    new float[] {-0.09940110892057419f, -0.14465896785259247f, 0.17610999941825867f,
                        1.5f, -0.6947919726371765f, 2.135128974914551f},
                    new double[] {-0.18964545005310887, -0.2689414213699951, -0.1276672449565023,
                        0.0, 0.2394750640449808, 1.437409049357991},
                    new double[] {-0.09940111134152683, -0.1446589762570265, 0.17610999484055864,
                        1.5, -0.6947919584090636, 2.135129009518038}),
            new Case("elu", "elu", Map.of(), new int[] {6}, "EluBackward0",
                    new float[] {-0.9179149866104126f, -0.6321205496788025f, -0.25918179750442505f,
                        0.0f, 0.4000000059604645f, 1.7000000476837158f},
                    new float[] {0.08208499848842621f, -0.735758900642395f, 0.3704091012477875f,
                        3.0f, -1.0f, 2.0f},
                    new double[] {-0.9179150013761012, -0.6321205588285577, -0.2591817793182821,
                        0.0, 0.4, 1.7},
                    new double[] {0.0820849986238988, -0.7357588823428847, 0.37040911034085894,
                        3.0, -1.0, 2.0}),
            new Case("elu 0.5", "elu", Map.of("alpha", 0.5), new int[] {6}, "EluBackward0",
                    new float[] {-0.4589574933052063f, -0.31606027483940125f, -0.12959089875221252f,
                        0.0f, 0.4000000059604645f, 1.7000000476837158f},
                    new float[] {0.041042499244213104f, -0.3678794503211975f, 0.18520455062389374f,
                        1.5f, -1.0f, 2.0f},
                    new double[] {-0.4589575006880506, -0.31606027941427883, -0.12959088965914106,
                        0.0, 0.4, 1.7},
                    new double[] {0.0410424993119494, -0.36787944117144233, 0.18520455517042947,
                        1.5, -1.0, 2.0}),
            new Case("elu_", "elu_", Map.of("alpha", 0.5), new int[] {6}, "EluBackward1",
                    new float[] {-0.4589574933052063f, -0.31606027483940125f, -0.12959089875221252f,
                        0.0f, 0.4000000059604645f, 1.7000000476837158f},
                    new float[] {0.0410425066947937f, -0.3678794503211975f, 0.18520455062389374f,
                        1.5f, -1.0f, 2.0f},
                    new double[] {-0.4589575006880506, -0.31606027941427883, -0.12959088965914106,
                        0.0, 0.4, 1.7},
                    new double[] {0.04104249931194942, -0.36787944117144233, 0.18520455517042947,
                        1.5, -1.0, 2.0}),
            new Case("hardtanh", "hardtanh", Map.of(), new int[] {6}, "HardtanhBackward0",
                    new float[] {-1.0f, -1.0f, -0.30000001192092896f,
                        0.0f, 0.4000000059604645f, 1.0f},
                    new float[] {0.0f, 0.0f, 0.5f,
                        3.0f, -1.0f, 0.0f},
                    new double[] {-1.0, -1.0, -0.3,
                        0.0, 0.4, 1.0},
                    new double[] {0.0, 0.0, 0.5,
                        3.0, -1.0, 0.0}),
            new Case("hardtanh -0.3 0.4", "hardtanh", Map.of("min_val", -0.3, "max_val", 0.4), new int[] {6}, "HardtanhBackward0",
                    new float[] {-0.30000001192092896f, -0.30000001192092896f, -0.30000001192092896f,
                        0.0f, 0.4000000059604645f, 0.4000000059604645f},
                    new float[] {0.0f, 0.0f, 0.0f,
                        3.0f, 0.0f, 0.0f},
                    new double[] {-0.3, -0.3, -0.3,
                        0.0, 0.4, 0.4},
                    new double[] {0.0, 0.0, 0.0,
                        3.0, 0.0, 0.0}),
            new Case("hardtanh_", "hardtanh_", Map.of("min_val", -0.5, "max_val", 1.0), new int[] {6}, "HardtanhBackward0",
                    new float[] {-0.5f, -0.5f, -0.30000001192092896f,
                        0.0f, 0.4000000059604645f, 1.0f},
                    new float[] {0.0f, 0.0f, 0.5f,
                        3.0f, -1.0f, 0.0f},
                    new double[] {-0.5, -0.5, -0.3,
                        0.0, 0.4, 1.0},
                    new double[] {0.0, 0.0, 0.5,
                        3.0, -1.0, 0.0}));
    }

    static Tensor call(String op, List<Object> inputs, Map<String, Object> attrs) {
        return OpRegistry.get(op).invoker().call(new OpArgs(op, inputs, attrs, n -> null, null))[0];
    }

    /** The op on a leaf (on the leaf times one for an in-place op), and the gradient of {@code (result * G).sum()}. */
    private static Tensor[] run(Case c, Tensor leaf) {
        leaf.requiresGrad_(true);
        Tensor y = call(c.op(), List.of(c.op().endsWith("_") ? leaf.mul(1) : leaf), c.attrs());
        y.mul(Tensor.of(G, c.shape()).to(leaf.dtype())).sum().backward();
        return new Tensor[] {y, leaf.grad()};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32MatchesPyTorch(Case c) {
        Tensor[] r = run(c, Tensor.of(X.clone(), c.shape()));
        assertThat(r[0].gradFnName()).isEqualTo(c.gradFn());
        assertThat(r[0].dtype()).isEqualTo(DType.FLOAT32);
        // gelu's 1 + erf(x / sqrt 2) cancels for negative x: one ulp of glibc's erff there is two of the result
        Ulps.assertWithin(r[0].toFloatArray(), c.values32(), c.op().equals("gelu") ? 4 : 2);
        // softmax's gradient subtracts a sum of products: float rounding of that sum (about 2.8 here) shows through
        Ulps.assertWithin(r[1].toFloatArray(), c.grad32(), 2, 4e-7f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float64MatchesPyTorch(Case c) {
        Tensor[] r = run(c, Tensor.of(X64.clone(), c.shape()));
        assertThat(r[0].gradFnName()).isEqualTo(c.gradFn());
        assertThat(r[0].dtype()).isEqualTo(DType.FLOAT64);
        Ulps.assertWithin((double[]) r[0].toFlat(), c.values64(), 4, 1e-15);
        Ulps.assertWithin((double[]) r[1].toFlat(), c.grad64(), 4, 1e-15);
    }

    @Test
    void softmaxSubtractsTheRowMaximumSoLargeInputsDoNotOverflow() {
        Tensor big = Tensor.of(new float[] {-1000f, 0f, 1000f, 88f, 89f, 90f}, 2, 3);
        Ulps.assertWithin(call("softmax", List.of(big), Map.of("dim", 1)).toFloatArray(),
                new float[] {0.0f, 0.0f, 1.0f, 0.09003057330846786f, 0.2447284758090973f, 0.6652409434318542f}, 1);
        Ulps.assertWithin(call("log_softmax", List.of(big), Map.of("dim", 1)).toFloatArray(),
                new float[] {-2000.0f, -1000.0f, 0.0f, -2.4076058864593506f, -1.4076058864593506f, -0.40760594606399536f}, 1);
    }

    @Test
    void softmaxWithADtypeComputesInItAndSendsTheGradientBackInTheInputsDtype() {
        Tensor x = Tensor.of(new float[] {0.5f, -1.0f, 2.0f}, 3).requiresGrad_(true);
        Tensor y = call("softmax", List.of(x, 0), Map.of("dtype", "float64"));
        assertThat(y.dtype()).isEqualTo(DType.FLOAT64);
        assertThat(y.gradFnName()).isEqualTo("SoftmaxBackward0");
        Ulps.assertWithin((double[]) y.toFlat(), new double[] {0.1752903921400367, 0.039112573270687456, 0.7855970345892759}, 4, 0);
        y.select(0, 0).backward();
        assertThat(x.grad().dtype()).isEqualTo(DType.FLOAT32);
        Ulps.assertWithin(x.grad().toFloatArray(), new float[] {0.1445636749267578f, -0.00685605825856328f, -0.13770760595798492f}, 2);
    }

    @Test
    void softmaxOfA0dTensorIsOneAndItsLogZero() {
        assertThat(call("softmax", List.of(Tensor.scalar(3.0), 0), Map.of()).item()).isEqualTo(1.0);
        assertThat(call("log_softmax", List.of(Tensor.scalar(3.0), -1), Map.of()).item()).isEqualTo(0.0);
    }

    @Test
    void hardtanhClampsIntegersToIntegerBounds() {
        Tensor r = call("hardtanh", List.of(Tensor.of(new long[] {-3, 0, 2}, 3), -1.5, 1.5), Map.of());
        assertThat(r.dtype()).isEqualTo(DType.INT64);
        assertThat((long[]) r.toFlat()).containsExactly(-1, 0, 1);
    }

    @Test
    void secondDerivativesMatchPyTorch() {
        Ulps.assertWithin(secondDerivative(x -> call("gelu", List.of(x), Map.of()).sum()),
                new float[] {0.6161143183708191f, 0.2419707328081131f, -0.10798193514347076f}, 2);
        Tensor weights = Tensor.of(new float[] {1f, 2f, 3f}, 3);
        Ulps.assertWithin(secondDerivative(x -> call("softmax", List.of(x, 0), Map.of()).mul(weights).sum(), true),
                new float[] {0.20567822456359863f, -0.0033939911518245935f, -0.20228424668312073f}, 2, 1e-7f);
    }

    private static float[] secondDerivative(UnaryOperator<Tensor> f) {
        return secondDerivative(f, false);
    }

    /** {@code d/dx sum(g)} (or {@code sum(g * g)} when squared) of {@code g = d f / dx} at {@code x = [0.5, -1, 2]}. */
    private static float[] secondDerivative(UnaryOperator<Tensor> f, boolean squared) {
        Tensor x = Tensor.of(new float[] {0.5f, -1.0f, 2.0f}, 3).requiresGrad_(true);
        Tensor g = Autograd.grad(List.of(f.apply(x)), List.of(x), null, null, true, false)[0];
        Tensor outer = squared ? g.mul(g).sum() : g.sum();
        return Autograd.grad(List.of(outer), List.of(x), null, null, false, false)[0].toFloatArray();
    }

    @Test
    void errorsAreTorchs() {
        Tensor ints = Tensor.of(new long[] {1, 2, 3}, 3);
        assertError("softmax", List.of(ints, 0), Map.of(), "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'");
        assertError("softmax", List.of(ints.view(1, 3), 0), Map.of(), "\"softmax_kernel_impl\" not implemented for 'Long'");
        assertError("log_softmax", List.of(ints, 0), Map.of(), "\"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'");
        assertError("log_softmax", List.of(ints.view(1, 3), 0), Map.of(), "\"softmax_kernel_impl\" not implemented for 'Long'");
        assertError("softmax", List.of(Tensor.of(new float[6], 2, 3), 2), Map.of(),
                "Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        assertError("leaky_relu", List.of(ints), Map.of(), "\"leaky_relu_cpu\" not implemented for 'Long'");
        assertError("gelu", List.of(ints), Map.of(), "\"GeluKernelImpl\" not implemented for 'Long'");
        assertError("gelu", List.of(Tensor.of(new float[2], 2)), Map.of("approximate", "fast"), "approximate argument must be either none or tanh.");
        assertError("softplus", List.of(ints), Map.of(), "\"softplus_cpu\" not implemented for 'Long'");
        assertError("silu", List.of(ints), Map.of(), "\"silu_cpu\" not implemented for 'Long'");
        assertError("elu", List.of(Tensor.of(new boolean[] {true}, 1)), Map.of(), "\"elu_cpu\" not implemented for 'Bool'");
        assertError("hardtanh", List.of(Tensor.of(new boolean[] {true}, 1)), Map.of(), "Bool inputs not supported for hardtanh");
    }

    @Test
    void inPlaceVariantsRefuseABackwardThroughANegativeSlope() {
        Tensor leaky = call("leaky_relu_", List.of(Tensor.of(new float[] {1f, 1f}, 2).requiresGrad_(true).mul(1), -0.5), Map.of());
        assertThatThrownBy(() -> leaky.sum().backward()).hasMessage("In-place leakyReLu backward calculation is triggered with a negative "
                + "slope which is not supported. This is caused by calling in-place forward function with a negative slope, please call "
                + "out-of-place version instead. File an issue at https://github.com/pytorch/pytorch if you do require supporting in-place "
                + "leakRelu backward calculation with negative slope");
        Tensor elu = call("elu_", List.of(Tensor.of(new float[] {1f, 1f}, 2).requiresGrad_(true).mul(1), -0.5), Map.of());
        assertThatThrownBy(() -> elu.sum().backward()).hasMessage("In-place elu backward calculation is triggered with a negative slope which "
                + "is not supported. This is caused by calling in-place forward function with a negative slope, please call out-of-place "
                + "version instead.");
    }

    static void assertError(String op, List<Object> inputs, Map<String, Object> attrs, String message) {
        assertThatThrownBy(() -> call(op, inputs, attrs)).isInstanceOf(EngineException.class).hasMessage(message);
    }
}
