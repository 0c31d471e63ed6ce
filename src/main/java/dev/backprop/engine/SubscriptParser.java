package dev.backprop.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the text of a Python subscript, what a user writes between {@code x[} and {@code ]}:
 * <pre>
 * key   := item ("," item)* [","]
 * item  := "..." | "None" | "True" | "False" | int | slice | list | name
 * slice := [int] ":" [int] [":" [int]]
 * list  := "[" [elem ("," elem)* [","]] "]"      elem := int | "True" | "False"
 * int   := ["-" | "+"] digits
 * name  := a session tensor's name (letters, digits, "_", "."), an int64 or bool tensor
 * </pre>
 * Anything else is refused: a float where an int belongs with Python's IndexError or TypeError, other text as invalid.
 */
final class SubscriptParser {
    static final String NOT_AN_INDEX = "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
            + "valid indices (got ";

    private final String text;
    private final Function<String, Tensor> names;
    private int pos;

    private SubscriptParser(String text, Function<String, Tensor> names) {
        this.text = text;
        this.names = names;
    }

    static Subscript parse(String text, Function<String, Tensor> names) {
        return new SubscriptParser(text, names).key();
    }

    /** {@code torch.tensor(list)} as indexing makes it: bools alone give a bool mask, any int gives int64. */
    static Tensor indexTensor(List<?> list) {
        boolean allBools = !list.isEmpty();
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) {
            Object e = list.get(i);
            if (e instanceof Boolean b) {
                values[i] = b ? 1 : 0;
            } else if (PythonValues.isInt(e)) {
                values[i] = PythonValues.unpackLong(e);
                allBools = false;
            } else {
                throw EngineException.invalid("tensors used as indices must be long, byte or bool tensors");
            }
        }
        if (!allBools) return Tensor.of(values, values.length);
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < mask.length; i++) mask[i] = values[i] != 0;
        return Tensor.of(mask, mask.length);
    }

    private Subscript key() {
        List<Subscript.Item> items = new ArrayList<>();
        items.add(item());
        while (skipSpaces() && peek(',')) {
            pos++;
            if (!skipSpaces()) break;
            items.add(item());
        }
        if (skipSpaces()) throw syntax("unexpected '" + text.charAt(pos) + "'");
        return new Subscript(items);
    }

    private Subscript.Item item() {
        if (!skipSpaces()) throw syntax("an index is missing");
        if (text.startsWith("...", pos)) {
            pos += 3;
            return new Subscript.EllipsisItem();
        }
        if (peek('[')) return new Subscript.TensorItem(indexTensor(list()));
        if (Character.isLetter(text.charAt(pos)) || peek('_')) {
            String word = word();
            return switch (word) {
                case "None" -> new Subscript.NoneItem();
                case "True" -> new Subscript.BoolItem(true);
                case "False" -> new Subscript.BoolItem(false);
                default -> new Subscript.TensorItem(names.apply(word));
            };
        }
        Long start = peek(':') ? null : integer(false);
        if (!skipSpaces() || !peek(':')) return new Subscript.IntItem(start);
        pos++;
        Long stop = boundary() ? null : integer(true);
        Long step = null;
        if (skipSpaces() && peek(':')) {
            pos++;
            step = boundary() ? null : integer(true);
        }
        return new Subscript.SliceItem(start, stop, step);
    }

    private List<Object> list() {
        pos++;
        List<Object> out = new ArrayList<>();
        while (skipSpaces() && !peek(']')) {
            if (Character.isLetter(text.charAt(pos))) {
                String word = word();
                if (!word.equals("True") && !word.equals("False")) throw syntax("'" + word + "' in a list of indices");
                out.add(word.equals("True"));
            } else {
                out.add(integer(false));
            }
            if (!skipSpaces()) break;
            if (peek(',')) pos++;
            else if (!peek(']')) throw syntax("a list needs ',' or ']'");
        }
        if (!skipSpaces()) throw syntax("a list is not closed with ']'");
        pos++;
        return out;
    }

    /** An int; a float literal is refused as Python refuses it in that place. */
    private long integer(boolean inSlice) {
        skipSpaces();
        int from = pos;
        if (pos < text.length() && (peek('-') || peek('+'))) pos++;
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (pos == digits) throw syntax("expected an index");
        if (pos < text.length() && (peek('.') || peek('e') || peek('E'))) {
            if (inSlice) throw EngineException.invalid("slice indices must be integers or None or have an __index__ method");
            throw EngineException.invalid(NOT_AN_INDEX + "float)");
        }
        try {
            return Long.parseLong(text.substring(from, pos));
        } catch (NumberFormatException tooLarge) {
            throw EngineException.invalid("cannot fit 'int' into an index-sized integer");
        }
    }

    private String word() {
        int from = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || peek('_') || peek('.'))) pos++;
        return text.substring(from, pos);
    }

    /** Whether the next non-space character ends a slice bound (or the text ends). */
    private boolean boundary() {
        return !skipSpaces() || peek(':') || peek(',');
    }

    /** Skips spaces; whether any text is left. */
    private boolean skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        return pos < text.length();
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private EngineException syntax(String what) {
        return EngineException.invalid("invalid index key '" + text + "': " + what + " at position " + pos);
    }
}
