package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.OpRegistry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every op in the registry called with random inputs and attrs of every kind: tensors of each dtype and
 * rank 0-3, Python ints (up to far beyond int64), floats, bools, lists, strings that name no tensor,
 * nulls, objects; the declared keywords with values of wrong kinds, unknown keywords, missing ones.
 * No answer may be a 5xx, and every refusal is a problem document with a code. The run is seeded: it
 * prints its seed and each failing request; {@code -Dfuzz.seed=N} replays a run, {@code -Dfuzz.requests=N}
 * sets its length.
 */
@ServiceTest
class OpFuzzTest extends ApiTest {
    private static final long DEFAULT_SEED = 20_260_321L;
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    private static final int REQUESTS_PER_SESSION = 500;
    private static final Pattern PARAM = Pattern.compile("(?:\\(|, )(?:[\\w|\\[\\].?]+) ([\\w|]+)");

    private static final String[] DTYPES = {"float32", "float64", "int64", "bool"};
    private static final int[][] SHAPES = {{}, {3}, {2, 3}, {2, 1, 3}};
    private static final List<String> TENSORS = new ArrayList<>();

    static {
        for (String dtype : DTYPES) {
            for (int rank = 0; rank < SHAPES.length; rank++) TENSORS.add(dtype + "_" + rank);
        }
        TENSORS.addAll(List.of("leaf", "nonleaf", "square", "row", "probs", "mask", "leaf.grad"));
    }

    private Random random;

    @Test
    void noOpAnswersWithAServerErrorWhateverItIsGiven() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        System.out.println("OpFuzzTest seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        random = new Random(seed);
        List<String> ops = new ArrayList<>();
        Map<String, List<String>> signatures = new LinkedHashMap<>(), keywords = new LinkedHashMap<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            ops.add(def.name());
            signatures.put(def.name(), def.signatures());
            keywords.put(def.name(), declaredKeywords(def.signatures()));
        }
        ops.add("call");
        signatures.put("call", List.of());
        keywords.put("call", List.of("module"));

        List<String> failures = new ArrayList<>();
        Map<String, Integer> answers = new java.util.TreeMap<>();
        long start = System.nanoTime();
        int refused = 0;
        Api.Session s = null;
        try {
            for (int i = 0; i < REQUESTS; i++) {
                if (i % REQUESTS_PER_SESSION == 0) {
                    if (s != null) s.close();
                    s = freshSession();
                }
                String op = ops.get(random.nextInt(ops.size()));
                String body = Api.json(call(op, signatures.get(op), keywords.get(op)));
                Api.Response r = s.op(body);
                String wrong = wrongAnswer(r);
                if (wrong != null) {
                    failures.add("POST " + s.path() + "/ops " + body + " -> " + wrong);
                    System.out.println("OpFuzzTest failure #" + failures.size() + " (seed " + seed + ", request " + i + "): "
                            + failures.getLast());
                }
                if (r.status() >= 400) refused++;
                answers.merge(r.status() + (r.status() >= 400 && wrong == null ? " " + r.json().path("code").stringValue() : ""), 1, Integer::sum);
            }
        } finally {
            if (s != null) s.close();
        }
        System.out.println("OpFuzzTest: " + REQUESTS + " requests in " + (System.nanoTime() - start) / 1_000_000 + " ms, " + refused
                + " refused, " + failures.size() + " wrong; answers " + answers);
        assertThat(failures).as("answers that were 5xx or refusals without a problem code (seed %d)", seed).isEmpty();
        assertThat(refused).as("refusals").isBetween(REQUESTS / 10, REQUESTS - REQUESTS / 20);
    }

    /** Null when the answer is a result or a documented refusal, else what is wrong with it. */
    private static String wrongAnswer(Api.Response r) {
        if (r.status() >= 500) return r.status() + " " + r.body();
        if (r.status() < 300) return null;
        if (!r.contentType().startsWith(Api.PROBLEM_JSON)) return r.status() + " with content type " + r.contentType();
        JsonNode code = r.json().path("code");
        return code.isString() && !code.stringValue().isBlank() ? null : r.status() + " without a code: " + r.body();
    }

    /** The names (and aliases) of every parameter an op declares, read from its signatures. */
    private static List<String> declaredKeywords(List<String> signatures) {
        List<String> out = new ArrayList<>();
        for (String sig : signatures) {
            Matcher m = PARAM.matcher(sig);
            while (m.find()) {
                for (String name : m.group(1).split("\\|")) {
                    if (!out.contains(name)) out.add(name);
                }
            }
        }
        return out;
    }

    private Api.Session freshSession() {
        Api.Session s = api.session((long) random.nextInt(1000));
        List<Map<String, Object>> ops = new ArrayList<>();
        for (String dtype : DTYPES) {
            for (int rank = 0; rank < SHAPES.length; rank++) {
                ops.add(Map.of("op", "ones", "attrs", Map.of("size", List.of(box(SHAPES[rank])), "dtype", dtype), "out", dtype + "_" + rank));
            }
        }
        ops.add(Map.of("op", "tensor", "attrs", Map.of("data", List.of(0.5, -1.5, 2.0), "requires_grad", true), "out", "leaf"));
        ops.add(Map.of("op", "mul", "inputs", List.of("leaf", 2), "out", "nonleaf"));
        ops.add(Map.of("op", "tensor", "attrs", Map.of("data", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0))), "out", "square"));
        ops.add(Map.of("op", "tensor", "attrs", Map.of("data", List.of(List.of(1.0, 2.0))), "out", "row"));
        ops.add(Map.of("op", "tensor", "attrs", Map.of("data", List.of(0.25, 0.5, 0.75)), "out", "probs"));
        ops.add(Map.of("op", "tensor", "attrs", Map.of("data", List.of(true, false, true)), "out", "mask"));
        ops.add(Map.of("op", "sum", "inputs", List.of("nonleaf"), "out", "loss"));
        s.op(Api.json(Map.of("ops", ops))).expect(200);
        s.backward("{\"tensors\": [\"loss\"]}").expect(200);
        s.module("""
                {"name": "net", "layers": [{"type": "linear", "inFeatures": 3, "outFeatures": 1}, {"type": "sigmoid"}]}""").expect(201);
        return s;
    }

    private static Object[] box(int[] shape) {
        Object[] out = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) out[i] = shape[i];
        return out;
    }

    /** A call that follows one of the op's forms (so it reaches the op's own checks), or a random one. */
    private Map<String, Object> call(String op, List<String> signatures, List<String> declared) {
        if (signatures.isEmpty() || random.nextInt(5) < 2) return randomCall(op, declared);
        String sig = signatures.get(random.nextInt(signatures.size()));
        List<Object> inputs = new ArrayList<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        boolean keywordOnly = false, positional = true;
        for (String param : sig.substring(sig.indexOf('(') + 1, sig.length() - 1).split(", ")) {
            if (param.equals("*")) {
                keywordOnly = true;
                continue;
            }
            if (param.isEmpty() || param.equals("/")) continue;
            String[] parts = param.split(" ");
            String type = parts[0], name = parts[1].split("\\|")[0];
            boolean required = !param.contains(" = ");
            if (!required && random.nextBoolean()) {
                positional = false;
                continue;
            }
            Object v = typed(type);
            if (!keywordOnly && positional && random.nextInt(4) > 0) {
                if (type.equals("Tensor...") || type.equals("int...") && random.nextBoolean()) inputs.addAll((List<?>) v);
                else inputs.add(v);
            } else {
                positional = false;
                attrs.put(name, v);
            }
        }
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("op", op);
        call.put("inputs", inputs);
        call.put("attrs", attrs);
        call.put("out", "r");
        return call;
    }

    /** A value of a declared type, within the kind's ordinary range most of the time. */
    private Object typed(String type) {
        return switch (type.replace("?", "")) {
            case "Tensor" -> tensorName();
            case "Tensor|Number" -> random.nextBoolean() ? tensorName() : random.nextBoolean() ? integer() : floating();
            case "Number", "float" -> random.nextInt(4) == 0 ? integer() : random.nextInt(3) == 0 ? random.nextBoolean() : floating();
            case "int" -> random.nextInt(8) == 0 ? integer() : random.nextInt(5) - 2;
            case "int[]", "int..." -> {
                List<Object> dims = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) dims.add(random.nextInt(10) == 0 ? integer() : 1 + random.nextInt(3));
                yield dims;
            }
            case "bool" -> random.nextBoolean();
            case "dtype" -> pick(DTYPES);
            case "str" -> pick("mean", "sum", "none");
            case "Tensor[]" -> List.of(tensorName());
            case "index" -> pick(tensorName(), "0", "-1", "1:3, ::2", "..., 0", "None, 1", "[0, 1], :", "::-1", "1.5", "[0, ", "x y", ":, " + tensorName(),
                    integer(), List.of(0, 1), true);
            case "Tensor..." -> {
                List<Object> names = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) names.add(tensorName());
                yield names;
            }
            case "data" -> pick(List.of(1, 2), List.of(List.of(1.5, 2.5)), 3, true, List.of(integer()), List.of(floating()));
            default -> throw new IllegalStateException("a type the fuzzer does not know: " + type);
        };
    }

    private Map<String, Object> randomCall(String op, List<String> declared) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("op", op);
        int inputs = random.nextInt(5);
        if (inputs > 0 || random.nextBoolean()) {
            List<Object> in = new ArrayList<>();
            for (int i = 0; i < inputs; i++) in.add(i == 0 && random.nextInt(3) > 0 ? tensorName() : input());
            call.put("inputs", in);
        }
        if (random.nextInt(3) > 0) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                String key = !declared.isEmpty() && random.nextInt(5) > 0 ? declared.get(random.nextInt(declared.size())) : unknownKeyword();
                attrs.put(key, value(key));
            }
            call.put("attrs", attrs);
        }
        if (random.nextInt(4) > 0) call.put("out", random.nextInt(6) == 0 ? List.of("r", "s") : "r");
        if (random.nextInt(8) == 0) call.put("noGrad", true);
        return call;
    }

    private String tensorName() {
        return TENSORS.get(random.nextInt(TENSORS.size()));
    }

    private String unknownKeyword() {
        return pick("dims", "keep_dim", "out", "generator", "device", "x", "", "size ", "INPUT");
    }

    /** A positional input: what the service resolves (tensor names) or passes on (numbers, lists of numbers), and a few it refuses. */
    private Object input() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> tensorName();
            case 3, 4 -> integer();
            case 5 -> floating();
            case 6 -> random.nextBoolean();
            case 7, 8 -> intList();
            case 9 -> List.of(floating(), floating());
            case 10 -> pick("ghost", "", "float64", "w.grad");
            default -> pick(null, Map.of("a", 1), List.of(List.of(1)), List.of(true));
        };
    }

    /** An attr value, the right kind for the keyword about half the time. */
    private Object value(String key) {
        if (random.nextBoolean()) {
            switch (key) {
                case "dtype" -> {
                    return pick("float32", "float64", "int64", "bool", "torch.float", "complex64", "Float", "");
                }
                case "reduction" -> {
                    return pick("mean", "sum", "none", "avg");
                }
                case "size", "shape", "dim" -> {
                    return random.nextBoolean() ? intList() : integer();
                }
                case "module" -> {
                    return pick("net", "ghost");
                }
                default -> { }
            }
        }
        return switch (random.nextInt(11)) {
            case 0, 1 -> tensorName();
            case 2, 3 -> integer();
            case 4 -> floating();
            case 5 -> random.nextBoolean();
            case 6 -> intList();
            case 7 -> pick("ghost", "", "mean", "float32");
            case 8 -> null;
            case 9 -> List.of(tensorName(), tensorName());
            default -> pick(Map.of(), Map.of("x", 1), List.of(List.of(1, 2)), List.of("a", 1, true), List.of());
        };
    }

    private Object integer() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4 -> random.nextInt(7) - 2;
            case 5 -> pick(1000, Integer.MAX_VALUE, Integer.MIN_VALUE, 16_777_217);
            case 6 -> pick(1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -(1L << 40));
            case 7 -> pick(new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"), new BigInteger("99999999999999999999"));
            case 8 -> BigInteger.TEN.pow(300 + random.nextInt(400)).negate().add(BigInteger.valueOf(random.nextInt(3)));
            default -> random.nextInt(3);
        };
    }

    private Object floating() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> Math.round(random.nextGaussian() * 100) / 10.0;
            case 2 -> pick(0.0, -0.0, 0.5, 1.0, 2.0);
            case 3 -> pick(1e300, -1e300, 3.5e38, -3.5e38, 1e-320, Double.MAX_VALUE);
            case 4 -> pick(9.3e18, -9.3e18, 1e19);
            default -> random.nextDouble();
        };
    }

    private List<Object> intList() {
        List<Object> out = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) out.add(random.nextInt(8) == 0 ? integer() : random.nextInt(4));
        if (random.nextInt(10) == 0) out.add(pick(1.5, true, "a", null));
        return out;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
