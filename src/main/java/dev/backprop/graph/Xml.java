package dev.backprop.graph;

/** Escaping for text and attribute values in XML. */
final class Xml {
    private Xml() {}

    /** Escapes markup characters and drops what XML 1.0 cannot hold (control characters, lone surrogates). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (allowed(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }
}
