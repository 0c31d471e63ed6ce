package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declared forms: how a call is fitted to them, PyTorch's texts for a misfit, and the values an op's body then reads. */
class SignatureTest {
    private static final Tensor X = Tensor.of(new float[] {1, 2}, 2);
    private static final List<Signature> ADD = List.of(Signature.parse("add(Tensor input, Tensor|Number other, *, Number alpha = 1)"));

    private static BoundArgs bind(List<Signature> forms, List<Object> inputs, Map<String, Object> attrs) {
        return new OpArgs(forms.get(0).op, inputs, attrs, name -> {
            if (name.equals("x")) return X;
            throw new IllegalArgumentException("no tensor " + name);
        }, null).bind(forms);
    }

    private static String refusal(List<Signature> forms, List<Object> inputs, Map<String, Object> attrs) {
        try {
            bind(forms, inputs, attrs);
        } catch (EngineException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            return e.getMessage();
        }
        throw new AssertionError("the call was not refused");
    }

    @Test
    void aFormIsPrintedAsPyTorchPrintsItInATypeErrorWithoutDefaults() {
        assertThat(ADD.get(0).describe()).isEqualTo("(Tensor input, Tensor other, *, Number alpha)");
        assertThat(Signature.parse("f(int... size|shape, *, dtype? dtype = None, bool requires_grad|requiresGrad = False)").describe())
                .isEqualTo("(tuple of ints size, *, torch.dtype dtype, bool requires_grad)");
        assertThat(Signature.parse("g(float from = 0, Tensor? weight = None, str reduction = 'mean')").describe())
                .isEqualTo("(float from, Tensor weight, str reduction)");
        assertThat(Signature.parse("add_(Tensor input, /, Tensor other)").describe()).isEqualTo("(Tensor input, Tensor other)");
    }

    @Test
    void positionalAndKeywordArgumentsReachTheSameParameters() {
        BoundArgs byPosition = bind(ADD, List.of(X, 2L), Map.of());
        BoundArgs byKeyword = bind(ADD, List.of(), Map.of("input", "x", "other", 2, "alpha", 0.5));
        assertThat(byPosition.tensor("input")).isSameAs(X);
        assertThat(byKeyword.tensor("input")).as("a string keyword names a tensor").isSameAs(X);
        assertThat(byPosition.tensorOrNumber("other").item()).isEqualTo(2.0);
        assertThat(byPosition.scalar("alpha")).as("the declared default").isEqualTo(1L);
        assertThat(byKeyword.number("alpha")).isEqualTo(0.5);
    }

    @Test
    void misfitsGetPyTorchsTexts() {
        assertThat(refusal(ADD, List.of(X), Map.of())).isEqualTo("add() missing 1 required positional arguments: \"other\"");
        assertThat(refusal(ADD, List.of(X, 1, 2), Map.of())).isEqualTo("add() takes 2 positional arguments but 3 were given");
        assertThat(refusal(ADD, List.of(X, List.of(1)), Map.of())).isEqualTo("add(): argument 'other' (position 2) must be Tensor, not list");
        assertThat(refusal(ADD, List.of(X, 1), Map.of("alpha", "a"))).isEqualTo("add(): argument 'alpha' must be Number, not str");
        assertThat(refusal(ADD, List.of(X, 1), Map.of("beta", 1))).isEqualTo("add() got an unexpected keyword argument 'beta'");
        List<Signature> cat = List.of(Signature.parse("cat(Tensor... tensors, *, int dim = 0)"));
        assertThat(refusal(cat, List.of(X, X, 0.5), Map.of())).isEqualTo("expected Tensor as element 2 in argument 0, but got float");
        List<Signature> squeeze = List.of(Signature.parse("squeeze(Tensor input, int? dim = None)"));
        assertThat(refusal(squeeze, List.of(X, 0, 1), Map.of())).isEqualTo("squeeze() takes from 1 to 2 positional arguments but 3 were given");
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("dim", null);
        assertThat(bind(squeeze, List.of(X), none).has("dim")).as("None where the form allows it").isFalse();
    }

    @Test
    void aCallThatFitsNoFormListsThemAll() {
        List<Signature> forms = List.of(Signature.parse("max(Tensor input)"), Signature.parse("max(Tensor input, Tensor other)"),
                Signature.parse("max(Tensor input, int dim, bool keepdim = False)"));
        assertThat(bind(forms, List.of(X, 0), Map.of("keepdim", true)).form()).isEqualTo(2);
        assertThat(refusal(forms, List.of(X), Map.of("dim", "a"))).isEqualTo("""
                max() received an invalid combination of arguments - got (Tensor, dim=str), but expected one of:
                 * (Tensor input)
                 * (Tensor input, Tensor other)
                 * (Tensor input, int dim, bool keepdim)""");
    }

    @Test
    void intsBeyondInt64OverflowAsInPyTorch113() {
        BigInteger huge = new BigInteger("99999999999999999999");
        List<Signature> sum = List.of(Signature.parse("sum(Tensor input, int[]? dim = None, bool keepdim = False)"));
        assertThat(refusal(sum, List.of(X, huge), Map.of())).isEqualTo("Overflow when unpacking long");
        assertThat(refusal(sum, List.of(X, List.of(0, huge)), Map.of()))
                .isEqualTo("sum(): argument 'dim' must be tuple of ints, but found element of type int at pos 2");
        assertThat(refusal(ADD, List.of(X, huge), Map.of())).isEqualTo("Overflow when unpacking long");
        assertThat(bind(ADD, List.of(X, BigInteger.valueOf(Long.MIN_VALUE)), Map.of()).tensorOrNumber("other").dtype())
                .isEqualTo(DType.INT64);
        assertThatThrownBy(() -> Tensor.fromNested(List.of(1, huge), null)).hasMessage("Overflow when unpacking long");
        assertThat(Tensor.fromNested(List.of(1, huge), DType.FLOAT64).getDouble(1)).isEqualTo(1e20);
        assertThat(Tensor.fromNested(List.of(huge.negate()), DType.BOOL).toNested()).isEqualTo(List.of(true));
        assertThatThrownBy(() -> Tensor.fromNested(List.of(BigInteger.TEN.pow(400)), DType.FLOAT32))
                .hasMessage("int too large to convert to float");
    }

    @Test
    void everyRegisteredFormParsesAndNamesItsOp() {
        List<String> wrong = new ArrayList<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            for (String declaration : def.signatures()) {
                if (!Signature.parse(declaration).op.equals(def.name())) wrong.add(declaration);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void numbersWrittenIntoElementsAreCheckedAsC10Does() {
        assertThat(CheckedConvert.toElement(3.4e38, DType.FLOAT32)).isEqualTo(3.4e38);
        assertThat(CheckedConvert.toElement(Double.POSITIVE_INFINITY, DType.FLOAT32)).isInfinite();
        assertThat(CheckedConvert.toElement(1e300, DType.BOOL)).isEqualTo(1e300);
        assertThatThrownBy(() -> CheckedConvert.toElement(3.5e38, DType.FLOAT32))
                .hasMessage("value cannot be converted to type float without overflow");
        assertThatThrownBy(() -> CheckedConvert.toElement(Double.NaN, DType.INT64))
                .hasMessage("value cannot be converted to type int64_t without overflow");
        assertThat(CppDouble.format(2)).isEqualTo("2");
        assertThat(CppDouble.format(0.25)).isEqualTo("0.25");
        assertThat(CppDouble.format(-3e38)).isEqualTo("-3e+38");
        assertThat(CppDouble.format(1234567)).isEqualTo("1.23457e+06");
        assertThat(CppDouble.format(0.0001)).isEqualTo("0.0001");
        assertThat(CppDouble.format(0.00001)).isEqualTo("1e-05");
    }
}
