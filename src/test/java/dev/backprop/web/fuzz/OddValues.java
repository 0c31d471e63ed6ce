package dev.backprop.web.fuzz;

import java.util.List;
import java.util.Random;

/** Boundary and ill-typed JSON values, and odd strings for paths, queries and headers. */
final class OddValues {
    static final List<String> BOUNDARY_INTEGERS = List.of("0", "-1", "1", "-0", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "1e308", "-1e308", "1e999",
            "1.0", "1.5", "1E2", "0.0000001");
    static final List<String> BOUNDARY_NUMBERS = List.of("0", "-0.0", "1e308", "-1e308", "1.7976931348623157e308", "4.9e-324", "1e-320",
            "1e999", "-1e999", "99999999999999999999", "123456789012345678901234567890.5", "0.1", "-1", "2147483648");
    /** Tokens that are not JSON numbers though some parsers take them. */
    static final List<String> NON_JSON_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10");
    static final List<String> WEIRD_STRINGS = List.of("", " ", "\u0000", "ü", "测试", "\uD83D\uDE00", "\u202Eevil", "\uD800",
            "w.grad", "a..b", ".", "..", "_", "1abc", "a-b", "a b", "x.grad.grad", "net.0.weight", "<script>alert(1)</script>",
            "' OR 1=1 --", "${jndi:ldap://x}", "%s%n", "\\", "/", "null", "true", "NaN", "requires_grad", "\t\n");
    static final List<String> ODD_PATH_SEGMENTS = List.of("", "00000000-0000-0000-0000-000000000000", "..", ".", "a/b", "a\\b",
            "a;b", "a%b", "a\u0000b", "ü", "\uD83D\uDE00", "w.grad", "%2e%2e", "NaN", "-1", "99999999999999999999", " ", "a?b", "a#b");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";

    private final Random random;

    OddValues(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** An empty, very long, unicode or otherwise odd string, as a JSON string. */
    String boundaryString() {
        return switch (random.nextInt(4)) {
            case 0 -> Json.quote(longString());
            case 1 -> Json.quote(unicode(1 + random.nextInt(40)));
            default -> Json.quote(pick(WEIRD_STRINGS));
        };
    }

    /** A raw string for a path segment, query value or header (not yet encoded). */
    String oddText() {
        return switch (random.nextInt(5)) {
            case 0 -> longString();
            case 1 -> unicode(1 + random.nextInt(20));
            case 2 -> identifier(1 + random.nextInt(12));
            default -> pick(WEIRD_STRINGS);
        };
    }

    String longString() {
        int length = switch (random.nextInt(3)) {
            case 0 -> 129 + random.nextInt(200);
            case 1 -> 1000 + random.nextInt(1000);
            default -> 2000 + random.nextInt(2000);
        };
        char c = LETTERS.charAt(random.nextInt(26));
        return String.valueOf(c).repeat(length);
    }

    String identifier(int length) {
        StringBuilder sb = new StringBuilder().append(LETTERS.charAt(random.nextInt(53)));
        while (sb.length() < length) sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        return sb.toString();
    }

    String unicode(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(5)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0xa0 + random.nextInt(0x700);
                case 2 -> 0x4e00 + random.nextInt(0x5000);
                case 3 -> 0x1f300 + random.nextInt(0x300);
                default -> random.nextInt(0x20);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** A value of another JSON type than the schema's, or a token that is not JSON. */
    String wrongType(String type) {
        List<String> others = switch (type) {
            case "string" -> List.of("12", "true", "{}", "[]", "[\"a\"]", "-3.5");
            case "integer" -> List.of("\"12\"", "true", "{}", "[1]", "\"\"", "1.25", "\"one\"");
            case "number" -> List.of("\"1.5\"", "false", "{}", "[0.5]", "\"NaN\"", "\"Infinity\"");
            case "boolean" -> List.of("\"true\"", "1", "0", "\"yes\"", "[]", "{}");
            case "array" -> List.of("{}", "\"a\"", "1", "true", "{\"0\": 1}");
            case "object" -> List.of("[]", "\"o\"", "1", "false", "[{}]");
            default -> List.of("{}", "[]", "\"?\"", "1", "true");
        };
        return random.nextInt(6) == 0 ? pick(NON_JSON_NUMBERS) : pick(others);
    }

    /** A value nested 1 to 70 levels deep in arrays or objects (the parser's limit is 64). */
    String deep(String leaf) {
        int depth = random.nextInt(4) == 0 ? 60 + random.nextInt(11) : 1 + random.nextInt(60);
        return random.nextBoolean() ? Json.nested("[", leaf, "]", depth) : Json.nested("{\"a\": ", leaf, "}", depth);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    Random random() {
        return random;
    }
}
