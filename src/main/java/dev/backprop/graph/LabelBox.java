package dev.backprop.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a node as drawn, and the box around it. Widths are estimated from a monospace font's
 * advance (0.6 em) rather than measured, so that the layout is the same on every machine.
 */
record LabelBox(List<String> lines, double width, double height) {
    static final double FONT_SIZE = 12;
    static final double LINE_HEIGHT = 15;
    static final double PADDING_X = 10;
    static final double PADDING_Y = 6;
    private static final double CHAR_WIDTH = 0.6 * FONT_SIZE;
    private static final double MIN_WIDTH = 40;
    private static final int MAX_CHARS = 40;

    static LabelBox of(String label) {
        List<String> lines = new ArrayList<>();
        int longest = 0;
        for (String line : label.split("\n", -1)) {
            String shown = truncate(line);
            lines.add(shown);
            longest = Math.max(longest, shown.codePointCount(0, shown.length()));
        }
        double width = Math.max(MIN_WIDTH, longest * CHAR_WIDTH + 2 * PADDING_X);
        double height = lines.size() * LINE_HEIGHT + 2 * PADDING_Y;
        return new LabelBox(List.copyOf(lines), width, height);
    }

    private static String truncate(String line) {
        if (line.codePointCount(0, line.length()) <= MAX_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_CHARS - 1)) + "…";
    }
}
