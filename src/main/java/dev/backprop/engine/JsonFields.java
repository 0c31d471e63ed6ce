package dev.backprop.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words for the fields of a request as parsed from JSON: what kind of value one holds ("an integer",
 * "an object"), and, for a field nobody knows, the known field it may be another spelling of
 * ({@code requires_grad}, {@code requires-grad} or {@code RequiresGrad} for {@code requiresGrad}).
 */
public final class JsonFields {
    private JsonFields() {}

    /** The kind of a parsed JSON value, in the words a client reads. */
    public static String kind(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "a string";
            case Boolean b -> "a boolean";
            case Integer i -> "an integer";
            case Long l -> "an integer";
            case Short s -> "an integer";
            case Byte b -> "an integer";
            case BigInteger b -> "an integer";
            case Double d -> "a number with a fraction";
            case Float f -> "a number with a fraction";
            case BigDecimal d -> "a number with a fraction";
            case List<?> l -> "an array";
            case Map<?, ?> m -> "an object";
            default -> "a value of another kind";
        };
    }

    /** The known name that {@code given} spells another way (snake_case, kebab-case or another case), or null. */
    public static String respelling(String given, Collection<?> known) {
        String key = folded(given);
        for (Object k : known) {
            String name = String.valueOf(k);
            if (!name.equals(given) && folded(name).equals(key)) return name;
        }
        return null;
    }

    /** {@code unknown field 'layers[0].in_features'; did you mean 'inFeatures'?} (the hint only for another spelling). */
    public static String unknown(String what, String path, Collection<?> known) {
        String hint = respelling(last(path), known);
        return "unknown " + what + " '" + path + "'" + (hint == null ? "" : "; did you mean '" + hint + "'?");
    }

    private static String last(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String folded(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
