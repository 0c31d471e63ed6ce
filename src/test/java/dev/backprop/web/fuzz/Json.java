package dev.backprop.web.fuzz;

import java.util.List;

/** JSON text written by hand, so that bodies can hold what a JSON library would not write (duplicate keys, 1e999). */
final class Json {
    private Json() {}

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    static String array(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    static String field(String name, String value) {
        return quote(name) + ": " + value;
    }

    static String object(List<String> fields) {
        return "{" + String.join(", ", fields) + "}";
    }

    static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }
}
