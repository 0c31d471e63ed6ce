package dev.backprop.web.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON bodies generated from a request schema: its {@code $ref}s, {@code oneOf}/{@code anyOf}, nullable types,
 * enums, arrays and {@code additionalProperties}. A valid body respects them; a boundary or invalid body is a
 * valid one with at least one part replaced by an edge value or a wrong one.
 */
final class BodyGenerator {
    /** How often a part of a boundary or invalid body is replaced, besides the one that always is. */
    private static final int MUTATION_PERCENT = 12;
    private static final int MAX_DEPTH = 6;

    private final OpenApi spec;
    private final Vocabulary words;
    private final OddValues odd;

    BodyGenerator(OpenApi spec, Vocabulary words, OddValues odd) {
        this.spec = spec;
        this.words = words;
        this.odd = odd;
    }

    String body(Map<String, Object> schema, Flavour flavour) {
        return value(schema, null, null, 0, flavour, flavour != Flavour.VALID);
    }

    /**
     * A value for {@code field} of the schema named {@code owner}; {@code force} makes this part (or, for an object,
     * one of its parts) the one that is odd.
     */
    private String value(Map<String, Object> raw, String owner, String field, int depth, Flavour flavour, boolean force) {
        String ref = OpenApi.refName(raw);
        Map<String, Object> schema = spec.resolve(raw);
        String name = ref != null ? ref : owner;
        if (flavour != Flavour.VALID && force && isObject(schema) && odd.chance(80)) {
            return object(schema, name, depth, flavour, true);
        }
        if (flavour != Flavour.VALID && (force || odd.chance(MUTATION_PERCENT))) {
            return flavour == Flavour.BOUNDARY ? boundary(schema) : invalid(schema);
        }
        Optional<String> known = field == null ? Optional.empty() : words.value(owner, field);
        if (known.isPresent() && odd.chance(90)) return known.get();
        List<Object> choices = OpenApi.list(schema.getOrDefault("oneOf", schema.get("anyOf")));
        if (!choices.isEmpty()) return value(OpenApi.map(odd.pick(choices)), owner, field, depth, flavour, false);
        List<String> types = types(schema);
        if (types.contains("null") && odd.chance(flavour == Flavour.VALID ? 5 : 15)) return "null";
        List<Object> enumeration = OpenApi.list(schema.get("enum"));
        if (!enumeration.isEmpty()) return Json.quote(String.valueOf(odd.pick(enumeration)));
        return switch (mainType(schema)) {
            case "object" -> object(schema, name, depth, flavour, false);
            case "array" -> array(schema, name, depth, flavour);
            case "string" -> Json.quote(odd.identifier(odd.between(1, 8)));
            case "integer" -> Integer.toString(odd.between(0, 9));
            case "number" -> words.decimal(-3, 3);
            case "boolean" -> Boolean.toString(odd.random().nextBoolean());
            default -> any(depth);
        };
    }

    private String object(Map<String, Object> schema, String name, int depth, Flavour flavour, boolean force) {
        Map<String, Object> properties = OpenApi.map(schema.get("properties"));
        Map<String, Vocabulary.Kind> kinds = name == null ? null : words.kinds(name).filter(k -> odd.chance(90)).orElse(null);
        String kind = kinds == null ? null : odd.pick(List.copyOf(new java.util.TreeSet<>(kinds.keySet())));
        List<String> chosen = depth > MAX_DEPTH ? List.of()
                : kind != null ? chooseProperties(schema, kinds.get(kind)) : chooseProperties(schema, properties);
        String mutation = force ? odd.pick(objectMutations(flavour, chosen)) : "";
        String forced = mutation.equals("part") ? odd.pick(chosen) : null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (String p : chosen) {
            if (mutation.equals("drop") && odd.chance(50)) continue;
            boolean isForced = p.equals(forced);
            fields.put(p, kind != null && p.equals("type") && !isForced ? Json.quote(kind)
                    : value(OpenApi.map(properties.get(p)), name, p, depth + 1, flavour, isForced));
        }
        if (!mutation.equals("drop") && schema.get("additionalProperties") instanceof Map<?, ?> extra && odd.chance(30)) {
            fields.put(odd.identifier(3), value(OpenApi.map(extra), name, null, depth + 1, flavour, false));
        }
        List<String> text = new ArrayList<>();
        fields.forEach((k, v) -> text.add(Json.field(k, v)));
        switch (mutation) {
            case "drop" -> {
                if (fields.size() == chosen.size() && !text.isEmpty()) text.remove(odd.random().nextInt(text.size()));
            }
            case "unknown" -> text.add(odd.random().nextInt(text.size() + 1), Json.field(unknownField(properties), "1"));
            case "duplicate" -> {
                String p = odd.pick(chosen);
                text.add(Json.field(p, value(OpenApi.map(properties.get(p)), name, p, depth + 1, flavour, false)));
            }
            case "empty" -> text.clear();
            case "deep" -> text.add(Json.field(odd.pick(chosen), odd.deep("1")));
            case "not-object" -> {
                return invalid(schema);
            }
            default -> { }
        }
        return Json.object(text);
    }

    private List<String> objectMutations(Flavour flavour, List<String> chosen) {
        List<String> out = new ArrayList<>(flavour == Flavour.BOUNDARY ? List.of("empty") : List.of("unknown", "drop", "not-object"));
        if (!chosen.isEmpty()) {
            out.add("part");
            out.add("part");
            out.addAll(flavour == Flavour.BOUNDARY ? List.of("duplicate", "deep") : List.of("unknown"));
        }
        return out;
    }

    /** The properties of a valid object: the required ones, most of those its example shows and some others. */
    /** The properties of a valid object of one kind: the required ones, those the kind needs and some of those it may have. */
    private List<String> chooseProperties(Map<String, Object> schema, Vocabulary.Kind kind) {
        List<String> chosen = new ArrayList<>(OpenApi.list(schema.get("required")).stream().map(String::valueOf).toList());
        chosen.addAll(kind.needs());
        for (String p : kind.may()) {
            if (odd.chance(50)) chosen.add(p);
        }
        return chosen;
    }

    private List<String> chooseProperties(Map<String, Object> schema, Map<String, Object> properties) {
        Set<String> required = Set.copyOf(OpenApi.list(schema.get("required")).stream().map(String::valueOf).toList());
        Set<String> example = OpenApi.map(schema.get("example")).keySet();
        List<String> chosen = new ArrayList<>();
        for (String p : properties.keySet()) {
            if (odd.chance(required.contains(p) ? 100 : example.contains(p) ? 95 : 30)) chosen.add(p);
        }
        return chosen;
    }

    private String array(Map<String, Object> schema, String name, int depth, Flavour flavour) {
        int n = depth > MAX_DEPTH ? 0 : odd.between(0, 3);
        List<String> items = new ArrayList<>();
        Map<String, Object> itemSchema = OpenApi.map(schema.get("items"));
        for (int i = 0; i < n; i++) items.add(value(itemSchema, name, null, depth + 1, flavour, false));
        return Json.array(items);
    }

    private String any(int depth) {
        return switch (odd.random().nextInt(6)) {
            case 0 -> Json.quote(odd.identifier(odd.between(1, 6)));
            case 1 -> Boolean.toString(odd.random().nextBoolean());
            case 2 -> depth > MAX_DEPTH ? "[]" : words.data(odd.between(1, 2));
            case 3 -> "{}";
            default -> words.decimal(-3, 3);
        };
    }

    /** An edge value of the schema's type: null, empty, very long, huge, tiny, deeply nested. */
    private String boundary(Map<String, Object> schema) {
        if (odd.chance(12)) return "null";
        List<Object> enumeration = OpenApi.list(schema.get("enum"));
        if (!enumeration.isEmpty() && odd.chance(60)) {
            String e = String.valueOf(odd.pick(enumeration));
            return Json.quote(odd.pick(List.of(e.toUpperCase(), " " + e, e + "\u0000", e + e, "")));
        }
        return switch (mainType(schema)) {
            case "string" -> odd.boundaryString();
            case "integer" -> odd.pick(OddValues.BOUNDARY_INTEGERS);
            case "number" -> odd.pick(OddValues.BOUNDARY_NUMBERS);
            case "boolean" -> "null";
            case "array" -> switch (odd.random().nextInt(3)) {
                case 0 -> "[]";
                case 1 -> Json.array(java.util.Collections.nCopies(odd.between(20, 300),
                        value(OpenApi.map(schema.get("items")), null, null, MAX_DEPTH, Flavour.VALID, false)));
                default -> odd.deep(odd.pick(List.of("1", "\"a\"", "[]")));
            };
            case "object" -> odd.chance(50) ? "{}" : odd.deep("{}");
            default -> switch (odd.random().nextInt(5)) {
                case 0 -> odd.deep("1");
                case 1 -> odd.pick(OddValues.BOUNDARY_NUMBERS);
                case 2 -> odd.boundaryString();
                case 3 -> "[]";
                default -> "{}";
            };
        };
    }

    /** A value of the wrong type for the schema (another enum value than allowed, for an enum). */
    private String invalid(Map<String, Object> schema) {
        if (!OpenApi.list(schema.get("enum")).isEmpty() && odd.chance(50)) {
            return Json.quote(odd.pick(List.of("rmsprop", "float16", "everything", "int32", "complex64")));
        }
        return odd.wrongType(mainType(schema));
    }

    private String unknownField(Map<String, Object> properties) {
        List<String> names = new ArrayList<>(List.of("foo", "__proto__", "", "extra", "id"));
        for (String p : properties.keySet()) {
            names.add(p.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase());
            names.add(p.toUpperCase());
        }
        names.removeAll(properties.keySet());
        return odd.pick(names);
    }

    private static boolean isObject(Map<String, Object> schema) {
        return mainType(schema).equals("object");
    }

    private static String mainType(Map<String, Object> schema) {
        for (String t : types(schema)) {
            if (!t.equals("null")) return t;
        }
        return schema.containsKey("properties") ? "object" : "any";
    }

    /** The schema's types, with "null" for OpenAPI 3.0's {@code nullable} too. */
    private static List<String> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        List<String> types = new ArrayList<>();
        if (type instanceof List<?> list) list.forEach(t -> types.add(String.valueOf(t)));
        else if (type != null) types.add(type.toString());
        if (Boolean.TRUE.equals(schema.get("nullable"))) types.add("null");
        return types;
    }
}
