package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One declared form of an op, written as PyTorch prints it in its argument errors:
 * {@code add(Tensor input, Tensor|Number other, *, Number alpha = 1)}. A type is one of
 * {@code Tensor}, {@code Tensor|Number}, {@code Number} (or {@code float}), {@code int}, {@code int[]},
 * {@code int...} (a size), {@code bool}, {@code dtype}, {@code str}, {@code Tensor...}, {@code data}, {@code Tensor[]}
 * (one list of tensors), {@code index} (a Python subscript);
 * {@code ?} lets it be None; parameters before {@code /} are positional-only (the tensor an in-place op
 * changes, which the caller records from its position), those after {@code *} keyword-only; a name may
 * carry aliases ({@code requires_grad|requiresGrad}); a parameter without a default is required.
 */
final class Signature {
    /** One parameter; {@code defaultValue} is what the op sees when the parameter is not given. */
    record Param(String name, List<String> aliases, ArgKind kind, String typeText, boolean nullable, boolean positionalOnly,
                 boolean keywordOnly, boolean required, Object defaultValue, String defaultText) {
        boolean answersTo(String key) {
            return name.equals(key) || aliases.contains(key);
        }
    }

    /** The values a call gives each parameter, or why it does not fit this form. */
    record Match(Object[] values, int[] positions, String failure) {}

    final String op;
    final List<Param> params;

    private Signature(String op, List<Param> params) {
        this.op = op;
        this.params = params;
    }

    static Signature parse(String declaration) {
        int open = declaration.indexOf('(');
        String op = declaration.substring(0, open);
        String body = declaration.substring(open + 1, declaration.length() - 1).trim();
        List<Param> params = new ArrayList<>();
        boolean keywordOnly = false;
        for (String part : body.isEmpty() ? new String[0] : body.split(",\\s*")) {
            if (part.equals("*")) {
                keywordOnly = true;
            } else if (part.equals("/")) {
                params.replaceAll(p -> new Param(p.name(), p.aliases(), p.kind(), p.typeText(), p.nullable(), true, p.keywordOnly(),
                        p.required(), p.defaultValue(), p.defaultText()));
            } else {
                params.add(param(part, keywordOnly));
            }
        }
        return new Signature(op, List.copyOf(params));
    }

    private static Param param(String text, boolean keywordOnly) {
        String[] sides = text.split("\\s*=\\s*", 2);
        String[] typeAndName = sides[0].trim().split("\\s+");
        String type = typeAndName[0];
        boolean nullable = type.endsWith("?");
        if (nullable) type = type.substring(0, type.length() - 1);
        ArgKind kind = switch (type) {
            case "Tensor" -> ArgKind.TENSOR;
            case "Tensor|Number" -> ArgKind.TENSOR_OR_NUMBER;
            case "Number", "float" -> ArgKind.NUMBER;
            case "int" -> ArgKind.INT;
            case "int[]" -> ArgKind.INTS;
            case "int..." -> ArgKind.SIZE;
            case "bool" -> ArgKind.BOOL;
            case "dtype" -> ArgKind.DTYPE;
            case "str" -> ArgKind.STR;
            case "Tensor..." -> ArgKind.TENSORS;
            case "data" -> ArgKind.DATA;
            case "Tensor[]" -> ArgKind.TENSOR_LIST;
            case "index" -> ArgKind.INDEX;
            default -> throw new IllegalArgumentException("unknown parameter type in '" + text + "'");
        };
        String shown = kind == ArgKind.NUMBER ? type : kind.pythonType;
        List<String> names = Arrays.asList(typeAndName[1].split("\\|"));
        boolean required = sides.length == 1;
        return new Param(names.get(0), List.copyOf(names.subList(1, names.size())), kind, shown, nullable, false, keywordOnly, required,
                required ? null : defaultValue(sides[1]), required ? null : sides[1]);
    }

    private static Object defaultValue(String text) {
        return switch (text) {
            case "None" -> null;
            case "True" -> true;
            case "False" -> false;
            case "()" -> List.of();
            default -> text.startsWith("'") ? text.substring(1, text.length() - 1)
                    : text.matches("-?\\d+") ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
        };
    }

    /** The parameter list as PyTorch prints it in a TypeError, without defaults: {@code (Tensor input, Tensor other, *, Number alpha)}. */
    String describe() {
        StringBuilder sb = new StringBuilder("(");
        boolean star = false;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i > 0) sb.append(", ");
            if (p.keywordOnly() && !star) {
                sb.append("*, ");
                star = true;
            }
            sb.append(p.typeText()).append(' ').append(p.name());
        }
        return sb.append(')').toString();
    }

    /** Fits a call's positional inputs and keyword attrs to this form's parameters, checking each one's Python type. */
    Match match(List<Object> inputs, Map<String, Object> attrs) {
        Object[] values = new Object[params.size()];
        boolean[] given = new boolean[params.size()];
        int[] positions = new int[params.size()];
        int next = 0;
        for (int k = 0; k < params.size() && next < inputs.size(); k++) {
            Param p = params.get(k);
            if (p.keywordOnly()) break;
            positions[k] = next + 1;
            given[k] = true;
            if (p.kind() == ArgKind.TENSORS || p.kind() == ArgKind.SIZE && !(inputs.get(next) instanceof List<?>)) {
                values[k] = new ArrayList<>(inputs.subList(next, inputs.size()));
                next = inputs.size();
            } else {
                values[k] = inputs.get(next++);
            }
        }
        if (next < inputs.size()) return failure(tooMany(inputs.size()));
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            int k = indexOf(e.getKey());
            if (k < 0) return failure(op + "() got an unexpected keyword argument '" + e.getKey() + "'");
            if (params.get(k).positionalOnly()) {
                return failure(op + "() got some positional-only arguments passed as keyword arguments: '" + e.getKey() + "'");
            }
            if (given[k]) return failure(op + "() got multiple values for argument '" + params.get(k).name() + "'");
            given[k] = true;
            values[k] = e.getValue();
        }
        String missing = missing(given);
        if (missing != null) return failure(missing);
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            if (!given[k]) {
                values[k] = p.defaultValue();
            } else if (values[k] == null ? !p.nullable() : !p.kind().matches(values[k], positions[k] == 0)) {
                return failure(op + "(): argument '" + p.name() + "'" + (positions[k] > 0 ? " (position " + positions[k] + ")" : "")
                        + " must be " + p.typeText() + ", not " + PythonValues.typeName(values[k]));
            }
        }
        return new Match(values, positions, null);
    }

    /** PyTorch's text for missing positional arguments (its reversed plural included), else Python's for a keyword-only one. */
    private String missing(boolean[] given) {
        List<String> positional = new ArrayList<>(), keywords = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            if (!given[k] && p.required()) (p.keywordOnly() ? keywords : positional).add(p.name());
        }
        if (!positional.isEmpty()) {
            return op + "() missing " + positional.size() + " required positional argument" + (positional.size() == 1 ? "s" : "") + ": "
                    + String.join(", ", positional.stream().map(n -> "\"" + n + "\"").toList());
        }
        if (!keywords.isEmpty()) {
            return op + "() missing " + keywords.size() + " required keyword-only argument" + (keywords.size() == 1 ? "" : "s") + ": "
                    + String.join(", ", keywords.stream().map(n -> "'" + n + "'").toList());
        }
        return null;
    }

    private int indexOf(String key) {
        for (int k = 0; k < params.size(); k++) {
            if (params.get(k).answersTo(key)) return k;
        }
        return -1;
    }

    private String tooMany(int given) {
        int max = 0, min = 0;
        for (Param p : params) {
            if (p.keywordOnly()) break;
            max++;
            if (p.required()) min++;
        }
        String takes = min == max ? max + " positional argument" + (max == 1 ? "" : "s") : "from " + min + " to " + max + " positional arguments";
        return op + "() takes " + takes + " but " + given + " were given";
    }

    private static Match failure(String why) {
        return new Match(null, null, why);
    }

    /** The message for a call that fits none of an op's forms, listing them as PyTorch does. */
    static String noFormFits(String op, List<Signature> forms, List<Object> inputs, Map<String, Object> attrs) {
        List<String> got = new ArrayList<>();
        for (Object v : inputs) got.add(PythonValues.typeName(v));
        for (Map.Entry<String, Object> e : attrs.entrySet()) got.add(e.getKey() + "=" + PythonValues.typeName(e.getValue()));
        StringBuilder sb = new StringBuilder(op + "() received an invalid combination of arguments - got (" + String.join(", ", got)
                + "), but expected one of:");
        for (Signature s : forms) sb.append("\n * ").append(s.describe());
        return sb.toString();
    }
}
