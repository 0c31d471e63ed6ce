package dev.backprop.web;

import dev.backprop.engine.JsonFields;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a request body that could not be read, in the service's words: what was found, where
 * (line and column, or the field's path), and what was expected. The parser's own messages name its
 * features and the service's classes, so they are only matched here, never passed on.
 */
final class JsonBodyErrors {
    private static final String VALUE = "a string, number, object, array, true, false or null";
    private static final Pattern CHAR_CODE = Pattern.compile("code (\\d+)\\)");
    private static final Pattern QUOTED_CHAR = Pattern.compile("'(.)'");
    private static final Pattern EXPECTED_CHAR = Pattern.compile("expected '(.)'");
    private static final Pattern TOKEN = Pattern.compile("token '([^']{0,40})");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"([^\"]{0,40})\"");

    /**
     * Where the parser stopped: the character (quoted, or U+XXXX when not printable), the word it was reading, and
     * the character it expected.
     */
    private record Offending(String character, String token, String expected) {}

    /** A kind of syntax error: a fragment of the parser's message, and the words for it. */
    private record Syntax(String fragment, Function<Offending, String> words) {}

    private static final List<Syntax> SYNTAX = List.of(
            new Syntax("end-of-input", o -> "it ends before the JSON is complete"),
            new Syntax("Invalid UTF-8", o -> "the bytes are not valid UTF-8"),
            new Syntax("Non-standard token", o -> o.token() + " is not a JSON number: only finite numbers can be sent"),
            new Syntax("Unrecognized token", o -> o.token() + " is not a JSON value: expected " + VALUE),
            new Syntax("plus sign", o -> "a number cannot start with '+'"),
            new Syntax("Leading zeroes", o -> "a number cannot start with 0 followed by more digits"),
            new Syntax("Decimal point not followed by a digit", o -> "a decimal point must be followed by a digit"),
            new Syntax("Exponent indicator not followed by a digit", o -> "an exponent must be followed by a digit"),
            new Syntax("to follow minus sign", o -> "'-' must be followed by a digit"),
            new Syntax("in numeric value", o -> "unexpected character " + o.character() + " in a number"),
            new Syntax("comma to separate Array entries",
                    o -> "unexpected character " + o.character() + ": expected ',' or ']' after an array element"),
            new Syntax("comma to separate Object entries",
                    o -> "unexpected character " + o.character() + ": expected ',' or '}' after a field"),
            new Syntax("colon to separate", o -> "unexpected character " + o.character() + ": expected ':' after a field name"),
            new Syntax("property name", o -> "unexpected character " + o.character() + ": expected a field name in double quotes"),
            new Syntax("close marker", o -> o.character() + " does not close the open array or object: expected " + o.expected()),
            new Syntax("Illegal unquoted character", o -> "character " + o.character() + " must be escaped inside a string"),
            new Syntax("hex-digit", o -> "a \\u escape needs four hexadecimal digits"),
            new Syntax("character escape", o -> "a backslash in a string must start an escape such as \\n, \\\" or \\u0041"),
            new Syntax("surrogate", o -> "a \\u escape leaves half of a character pair"),
            new Syntax("comment", o -> "JSON has no comments"),
            new Syntax("Illegal character", o -> "unexpected character " + o.character() + " between values"),
            new Syntax("expected a valid value",
                    o -> "unexpected character " + o.character() + ": expected a value (" + VALUE + ")"),
            new Syntax("Unexpected character", o -> "unexpected character " + o.character()));

    private JsonBodyErrors() {}

    static StatusProblem describe(JacksonException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            String unknown = field.isEmpty() || !field.endsWith(u.getPropertyName()) ? join(field, u.getPropertyName()) : field;
            return new StatusProblem(400, "unknown-field", JsonFields.unknown("field", unknown, u.getKnownPropertyIds()), unknown);
        }
        if (e instanceof FloatFields.BeyondDouble) {
            return new StatusProblem(400, Finite.CODE, Finite.detail(field), field);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatch(m, field);
        }
        if (e instanceof InputCoercionException c && !field.isEmpty()) {
            String range = ValueKinds.range(c.getTargetType());
            return new StatusProblem(400, "malformed-json", "'" + field + "' is out of range"
                    + (range == null ? "" : ": expected an integer " + range));
        }
        if (e instanceof UnexpectedEndOfInputException) {
            return malformed(e, "it ends before the JSON is complete");
        }
        if (e instanceof StreamReadException && e.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.find()) return given(e, duplicate.group(1));
        }
        if (e instanceof StreamReadException) {
            return malformed(e, syntax(e.getOriginalMessage()));
        }
        return malformed(e, null);
    }

    private static StatusProblem mismatch(MismatchedInputException m, String field) {
        String message = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
        String expected = ValueKinds.expected(m.getTargetType());
        String found = ValueKinds.found(m.getCurrentToken());
        String wanted = (expected == null ? "of another type" : expected) + (found == null ? "" : ", got " + found);
        if (!field.isEmpty()) {
            return new StatusProblem(400, "invalid-field", "'" + field + "' must be " + wanted, field);
        }
        if (message.startsWith("No content")) {
            return new StatusProblem(400, "malformed-json", "a JSON body is required");
        }
        if (message.startsWith("Trailing token")) {
            return malformed(m, "a second value follows the first: send exactly one JSON value");
        }
        return new StatusProblem(400, "malformed-json", "the body must be " + wanted);
    }

    private static String syntax(String message) {
        if (message == null) return null;
        for (Syntax s : SYNTAX) {
            if (message.contains(s.fragment())) {
                return s.words().apply(new Offending(character(message), token(message), expected(message)));
            }
        }
        return null;
    }

    private static String token(String message) {
        Matcher m = TOKEN.matcher(message);
        return m.find() ? "'" + m.group(1) + "'" : "this word";
    }

    private static String character(String message) {
        Matcher code = CHAR_CODE.matcher(message);
        if (code.find()) return quote(Integer.parseInt(code.group(1)));
        Matcher quoted = QUOTED_CHAR.matcher(message);
        return quoted.find() ? quote(quoted.group(1).charAt(0)) : "here";
    }

    private static String expected(String message) {
        Matcher m = EXPECTED_CHAR.matcher(message);
        return m.find() ? quote(m.group(1).charAt(0)) : "another character";
    }

    private static String quote(int c) {
        if (c < 0x20 || c >= 0x7f) return String.format("U+%04X", c);
        return c == '\'' ? "\"'\"" : "'" + (char) c + "'";
    }

    private static StatusProblem malformed(JacksonException e, String what) {
        TokenStreamLocation at = e.getLocation();
        StringBuilder detail = new StringBuilder("the body is not valid JSON");
        if (at != null && at.getLineNr() > 0 && at.getColumnNr() > 0) {
            detail.append(" at line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
        }
        if (what != null) detail.append(": ").append(what);
        return new StatusProblem(400, "malformed-json", detail.toString());
    }

    /** A field given twice in one object: which of the two was meant is not for the service to guess. */
    private static StatusProblem given(JacksonException e, String name) {
        TokenStreamLocation at = e.getLocation();
        String where = at != null && at.getLineNr() > 0 && at.getColumnNr() > 0
                ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "";
        return new StatusProblem(400, "malformed-json", "the field '" + name + "' is given twice in one object" + where
                + ": send each field once");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The field's path as a client wrote it: {@code ops[1].inputs}. */
    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
