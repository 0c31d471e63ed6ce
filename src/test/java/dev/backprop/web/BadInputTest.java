package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Arguments of the wrong kind, missing or unknown, and integers beyond int64: each is refused with
 * PyTorch's text as a 422 {@code invalid-argument} (the status of every error PyTorch raises for an
 * argument), or a 404 where a string names no tensor, and nothing is left behind.
 */
@ServiceTest
class BadInputTest extends ApiTest {
    private static final String NORMAL_FORMS = String.join("\n",
            " * (Tensor mean, Tensor std, *, bool requires_grad)",
            " * (Tensor mean, float std, *, bool requires_grad)",
            " * (float mean, Tensor std, *, bool requires_grad)",
            " * (float mean, float std, tuple of ints size, *, torch.dtype dtype, bool requires_grad)");

    private static String invalid(Api.Response r) {
        return r.problem(422, "invalid-argument").get("detail").stringValue();
    }

    @Test
    void uniformWithoutASizeIsRefusedByItsDeclaration() {
        try (var s = api.session()) {
            assertThat(invalid(s.op("""
                    {"op": "uniform", "inputs": [0, 1]}"""))).isEqualTo("uniform() missing 1 required keyword-only argument: 'size'");
            assertThat(invalid(s.op("""
                    {"op": "uniform", "attrs": {"size": "a"}}"""))).isEqualTo("uniform(): argument 'size' must be tuple of ints, not str");
            assertThat(invalid(s.op("""
                    {"op": "uniform", "inputs": [[1]], "attrs": {"size": [2]}}""")))
                    .isEqualTo("uniform(): argument 'from' (position 1) must be float, not list");
            JsonNode drawn = s.op("""
                    {"op": "uniform", "inputs": [2, 3], "attrs": {"size": [4]}}""").expect(200).json();
            for (double v : Api.doubles(drawn.get("data"))) assertThat(v).isBetween(2.0, 3.0);
        }
    }

    @Test
    void fillWithoutAValueOrWithAValueOfAnotherKindIsRefused() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [1.0, 2.0]}""").expect(201);
            assertThat(invalid(s.op("""
                    {"op": "fill_", "inputs": ["x"]}"""))).isEqualTo("""
                    fill_() received an invalid combination of arguments - got (Tensor), but expected one of:
                     * (Tensor input, Tensor value)
                     * (Tensor input, Number value)""");
            assertThat(invalid(s.op("""
                    {"op": "fill_", "inputs": ["x"], "attrs": {"value": [1, 2]}}"""))).isEqualTo("""
                    fill_() received an invalid combination of arguments - got (Tensor, value=list), but expected one of:
                     * (Tensor input, Tensor value)
                     * (Tensor input, Number value)""");
            assertThat(s.op("""
                    {"op": "fill_", "inputs": ["x"], "attrs": {"value": "abc"}}""").problem(404, "tensor-not-found")
                    .get("detail").stringValue()).isEqualTo("no tensor 'abc'");
            assertThat(invalid(s.op("""
                    {"op": "fill_", "inputs": ["x", "x"]}""")))
                    .isEqualTo("fill_ only supports 0-dimension value tensor but got tensor with 1 dimensions.");
            assertThat(Api.floats(s.view("x").get("data"))).containsExactly(1f, 2f);
            s.tensor("""
                    {"name": "v", "data": 7.0}""").expect(201);
            assertThat(Api.floats(s.op("""
                    {"op": "fill_", "inputs": ["x", "v"]}""").expect(200).json().get("data"))).containsExactly(7f, 7f);
            assertThat(Api.floats(s.op("""
                    {"op": "fill_", "inputs": ["x", true]}""").expect(200).json().get("data"))).containsExactly(1f, 1f);
        }
    }

    @Test
    void normalWithAMeanOfAnotherKindIsRefusedWithItsForms() {
        try (var s = api.session()) {
            assertThat(invalid(s.op("""
                    {"op": "normal", "inputs": [[1.0], 1.0]}""")))
                    .isEqualTo("normal() received an invalid combination of arguments - got (list, float), but expected one of:\n"
                            + NORMAL_FORMS);
            assertThat(invalid(s.op("""
                    {"op": "normal", "attrs": {"mean": true, "std": [1]}}""")))
                    .isEqualTo("normal() received an invalid combination of arguments - got (mean=bool, std=list), but expected one of:\n"
                            + NORMAL_FORMS);
            assertThat(invalid(s.op("""
                    {"op": "normal", "inputs": [0.0, 1.0]}""")))
                    .isEqualTo("normal() received an invalid combination of arguments - got (float, float), but expected one of:\n"
                            + NORMAL_FORMS);
            s.op("""
                    {"op": "normal", "attrs": {"mean": "nope", "std": 1.0}}""").problem(404, "tensor-not-found");
            assertThat(Api.floats(s.op("""
                    {"op": "normal", "inputs": [true, 0.0], "attrs": {"size": [2]}}""").expect(200).json().get("data")))
                    .as("a bool is a number, as in Python").containsExactly(1f, 1f);
        }
    }

    @Test
    void integersBeyondInt64AreRefusedAsPyTorchRefusesThem() {
        try (var s = api.session()) {
            assertThat(invalid(s.tensor("""
                    {"name": "t", "data": [99999999999999999999]}"""))).isEqualTo("Overflow when unpacking long");
            assertThat(invalid(s.tensor("""
                    {"name": "t", "data": [[1, 2], [3, -9223372036854775809]]}"""))).isEqualTo("Overflow when unpacking long");
            s.get("t").problem(404, "tensor-not-found");
            assertThat(s.tensor("""
                    {"name": "big", "data": [9223372036854775807, -9223372036854775808]}""").expect(201).json().get("data").toString())
                    .isEqualTo("[9223372036854775807,-9223372036854775808]");
            assertThat(Api.floats(s.tensor("""
                    {"name": "f", "data": [99999999999999999999], "dtype": "float32"}""").expect(201).json().get("data")))
                    .containsExactly(1e20f);
            assertThat(invalid(s.tensor("""
                    {"name": "i", "data": [1e300], "dtype": "int64"}"""))).isEqualTo("value cannot be converted to type int64 without overflow");

            s.tensor("""
                    {"name": "x", "data": [1.0, 2.0]}""").expect(201);
            for (String op : new String[] {
                """
                {"op": "full", "inputs": [[2], 99999999999999999999]}""",
                """
                {"op": "full", "attrs": {"size": [2], "fill_value": -99999999999999999999, "dtype": "float64"}}""",
                """
                {"op": "arange", "inputs": [99999999999999999999]}""",
                """
                {"op": "arange", "inputs": [0, 10, 99999999999999999999]}""",
                """
                {"op": "add", "inputs": ["x", 99999999999999999999]}""",
                """
                {"op": "add", "inputs": ["x", 1], "attrs": {"alpha": 9223372036854775808}}""",
                """
                {"op": "clamp", "inputs": ["x"], "attrs": {"max": 99999999999999999999}}""",
                """
                {"op": "sum", "inputs": ["x"], "attrs": {"dim": 99999999999999999999}}""",
                """
                {"op": "transpose", "inputs": ["x", 0, 99999999999999999999]}"""}) {
                assertThat(invalid(s.op(op))).as(op).isEqualTo("Overflow when unpacking long");
            }
            assertThat(invalid(s.op("""
                    {"op": "zeros", "attrs": {"size": [2, 99999999999999999999]}}""")))
                    .isEqualTo("zeros(): argument 'size' must be tuple of ints, but found element of type int at pos 2");
            assertThat(invalid(s.op("""
                    {"op": "sum", "inputs": ["x"], "attrs": {"dim": [0, 99999999999999999999]}}""")))
                    .isEqualTo("sum(): argument 'dim' must be tuple of ints, but found element of type int at pos 2");
            assertThat(Api.names(s.list().expect(200).json())).containsExactlyInAnyOrder("big", "f", "x");
        }
    }

    @Test
    void floatsBeyondAnElementTypeAreRefusedWhereverPyTorchRefusesThem() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [1.0, 2.0]}""").expect(201);
            String floatOverflow = "value cannot be converted to type float without overflow";
            assertThat(invalid(s.op("""
                    {"op": "full", "inputs": [[1], 1e300]}"""))).isEqualTo(floatOverflow);
            assertThat(invalid(s.op("""
                    {"op": "fill_", "inputs": ["x", 3.5e38]}"""))).isEqualTo(floatOverflow);
            assertThat(invalid(s.op("""
                    {"op": "clamp", "inputs": ["x"], "attrs": {"min": -1e300}}"""))).isEqualTo(floatOverflow);
            assertThat(invalid(s.op("""
                    {"op": "full", "inputs": [[1], 1e19], "attrs": {"dtype": "int64"}}""")))
                    .isEqualTo("value cannot be converted to type int64_t without overflow");
            assertThat(invalid(s.op("""
                    {"op": "uniform", "inputs": [0, 1e300], "attrs": {"size": [1]}}"""))).isEqualTo("to is out of bounds for float");
            assertThat(invalid(s.op("""
                    {"op": "uniform", "inputs": [2, 1], "attrs": {"size": [1]}}""")))
                    .isEqualTo("uniform_ expects to return a [from, to) range, but found from=2 > to=1");
            assertThat(invalid(s.op("""
                    {"op": "uniform", "inputs": [-3e38, 3e38], "attrs": {"size": [1]}}""")))
                    .isEqualTo("uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=3e+38 and from=-3e+38 "
                            + "which result in to-from to exceed the limit");
            assertThat(s.op("""
                    {"op": "full", "inputs": [[1], 1e300], "attrs": {"dtype": "float64"}}""").expect(200).json().get("data").get(0)
                    .doubleValue()).isEqualTo(1e300);
            assertThat(s.op("""
                    {"op": "full", "inputs": [[1], 1e300], "attrs": {"dtype": "bool"}}""").expect(200).json().get("data").get(0)
                    .booleanValue()).isTrue();
            assertThat(Api.floats(s.view("x").get("data"))).containsExactly(1f, 2f);
        }
    }

    @Test
    void argumentsOfTheWrongKindGetPyTorchsTypeErrorText() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [[1.0, 2.0], [3.0, 4.0]]}""").expect(201);
            String[][] cases = {
                {"""
                    {"op": "sum", "inputs": ["x"], "attrs": {"dims": 0}}""", "sum() got an unexpected keyword argument 'dims'"},
                {"""
                    {"op": "neg", "inputs": ["x", 1]}""", "neg() takes 1 positional argument but 2 were given"},
                {"""
                    {"op": "cat", "inputs": ["x", 1]}""", "expected Tensor as element 1 in argument 0, but got int"},
                {"""
                    {"op": "transpose", "inputs": ["x"]}""", "transpose() missing 2 required positional argument: \"dim0\", \"dim1\""},
                {"""
                    {"op": "transpose", "inputs": ["x", 0]}""", "transpose() missing 1 required positional arguments: \"dim1\""},
                {"""
                    {"op": "transpose", "inputs": ["x", 0.5, 1]}""", "transpose(): argument 'dim0' (position 2) must be int, not float"},
                {"""
                    {"op": "transpose", "inputs": ["x", true, 1]}""", "transpose(): argument 'dim0' (position 2) must be int, not bool"},
                {"""
                    {"op": "sum", "inputs": ["x", 0, 1]}""", "sum(): argument 'keepdim' (position 3) must be bool, not int"},
                {"""
                    {"op": "add", "inputs": ["x", 1], "attrs": {"alpha": null}}""", "add(): argument 'alpha' must be Number, not NoneType"},
                {"""
                    {"op": "add", "inputs": ["x", 1], "attrs": {"other": 2}}""", "add() got multiple values for argument 'other'"},
                {"""
                    {"op": "add", "inputs": ["x"], "attrs": {"other": {"a": 1}}}""", "add(): argument 'other' must be Tensor, not dict"},
                {"""
                    {"op": "zeros", "attrs": {"size": [2], "requires_grad": "yes"}}""", "zeros(): argument 'requires_grad' must be bool, not str"},
                {"""
                    {"op": "zeros", "attrs": {"size": [2], "dtype": 5}}""", "zeros(): argument 'dtype' must be torch.dtype, not int"},
                {"""
                    {"op": "zeros", "inputs": [2, 1.5]}""", "zeros(): argument 'size' must be tuple of ints, but found element of type float at pos 2"},
                {"""
                    {"op": "mse_loss", "inputs": ["x", "x"], "attrs": {"reduction": 1}}""", "mse_loss(): argument 'reduction' must be str, not int"},
                {"""
                    {"op": "logical_and", "inputs": ["x", 1]}""", "logical_and(): argument 'other' (position 2) must be Tensor, not int"},
                {"""
                    {"op": "max", "inputs": ["x", 1.5]}""", """
                    max() received an invalid combination of arguments - got (Tensor, float), but expected one of:
                     * (Tensor input)
                     * (Tensor input, Tensor other)
                     * (Tensor input, int dim, bool keepdim)"""},
            };
            for (String[] c : cases) assertThat(invalid(s.op(c[0]))).as(c[0]).isEqualTo(c[1]);
            assertThat(invalid(s.op("""
                    {"op": "add_", "attrs": {"input": "x", "other": 1}}""")))
                    .as("the tensor an op changes is recorded from its position, so it cannot be a keyword")
                    .isEqualTo("add_() got some positional-only arguments passed as keyword arguments: 'input'");
            assertThat(invalid(s.op("""
                    {"op": "requires_grad_", "attrs": {"input": "x"}}""")))
                    .isEqualTo("requires_grad_() got some positional-only arguments passed as keyword arguments: 'input'");
            assertThat(s.view("x").get("data").toString()).isEqualTo("[[1.0,2.0],[3.0,4.0]]");
            assertThat(s.op("""
                    {"ops": [{"op": "neg", "inputs": ["x"], "out": "n"}, {"op": "neg", "inputs": ["x"], "attrs": {"inplace": true}}]}""")
                    .problem(422, "invalid-argument").get("detail").stringValue()).isEqualTo("ops[1]: neg() got an unexpected keyword argument 'inplace'");
            assertThat(Api.names(s.list().expect(200).json())).containsExactly("x");
        }
    }

    @Test
    void keywordsNameTensorsAndTakeEveryDeclaredSpelling() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "x", "data": [[1.0, 2.0], [3.0, 4.0]]}""").expect(201);
            s.tensor("""
                    {"name": "y", "data": [10.0, 20.0]}""").expect(201);
            assertThat(Api.floats(s.op("""
                    {"op": "add", "inputs": ["y"], "attrs": {"other": "y", "alpha": 2}}""").expect(200).json().get("data")))
                    .containsExactly(30f, 60f);
            assertThat(Api.shape(s.op("""
                    {"op": "cat", "attrs": {"tensors": ["x", "x"], "dim": 1}}""").expect(200).json())).containsExactly(2, 4);
            assertThat(Api.shape(s.op("""
                    {"op": "view", "inputs": ["x", 4]}""").expect(200).json())).containsExactly(4);
            assertThat(Api.shape(s.op("""
                    {"op": "view", "inputs": ["x"], "attrs": {"shape": [1, 4]}}""").expect(200).json())).containsExactly(1, 4);
            assertThat(s.op("""
                    {"op": "ones", "inputs": [2], "attrs": {"requiresGrad": true}}""").expect(200).json().get("requiresGrad").booleanValue())
                    .isTrue();
            assertThat(invalid(s.op("""
                    {"op": "ones", "inputs": [2], "attrs": {"requiresGrad": true, "requires_grad": true}}""")))
                    .isEqualTo("ones() got multiple values for argument 'requires_grad'");
        }
    }
}
