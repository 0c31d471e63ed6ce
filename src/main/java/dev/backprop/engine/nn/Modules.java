package dev.backprop.engine.nn;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a model from a spec as parsed from JSON, drawing initial parameters from a generator in the
 * order PyTorch's constructors would:
 * <ul>
 *   <li>a list of specs is {@code Sequential(...)}, children named {@code 0}, {@code 1}, ...;</li>
 *   <li>an object with a string {@code type} is one layer: {@code {"type": "linear", "inFeatures": 2,
 *       "outFeatures": 1, "bias": true}}, {@code {"type": "sigmoid"}}, {@code relu}, {@code tanh};</li>
 *   <li>any other object maps child names to specs, the {@code nn.Module}-subclass style
 *       ({@code {"features": {...}, "sigmoid": {...}}}), applied in the object's order.</li>
 * </ul>
 * Bad specs fail with {@link dev.backprop.engine.ErrorCode#INVALID_ARGUMENT} and a message that names the place.
 */
public final class Modules {
    private static final int MAX_DEPTH = 32;
    private static final Set<String> LINEAR_FIELDS = Set.of("type", "inFeatures", "outFeatures", "bias");
    private static final Set<String> ACTIVATION_FIELDS = Set.of("type");

    private Modules() {}

    /** @param spec a {@code List} or {@code Map} of layer specs (the {@code layers} of a module request) */
    public static Module build(Object spec, Generator gen) {
        Objects.requireNonNull(gen, "gen");
        return build(spec, gen, "layers", 0);
    }

    private static Module build(Object spec, Generator gen, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw Specs.invalid(where + ": modules nested more than " + MAX_DEPTH + " levels deep");
        }
        return switch (spec) {
            case List<?> list -> {
                List<Module> layers = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    layers.add(build(list.get(i), gen, where + "[" + i + "]", depth + 1));
                }
                yield new Sequential(layers);
            }
            case Map<?, ?> map when map.get("type") instanceof String type -> layer(type, map, gen, where);
            case Map<?, ?> map when map.containsKey("type") && isScalar(map.get("type")) ->
                    throw EngineException.invalidField(where + ".type", "a layer type (linear, sigmoid, relu or tanh)", map.get("type"));
            case Map<?, ?> map -> {
                Map<String, Module> children = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    Module.checkName(name, "module");
                    children.put(name, build(e.getValue(), gen, where + "." + name, depth + 1));
                }
                yield new Sequential(children);
            }
            case null -> throw Specs.invalid(where + ": a module spec is required");
            default -> throw Specs.invalid(where + ": a module spec must be a list of layers, a layer "
                    + "{\"type\": ...} or an object of named children, got " + Specs.describe(spec));
        };
    }

    /** A {@code type} that is a value, not a child spec: a layer whose type is of the wrong kind. */
    private static boolean isScalar(Object type) {
        return !(type instanceof Map<?, ?>) && !(type instanceof List<?>);
    }

    private static Module layer(String type, Map<?, ?> spec, Generator gen, String where) {
        String t = type.toLowerCase(Locale.ROOT);
        String at = where + " (" + t + ")";
        switch (t) {
            case "linear" -> {
                Specs.onlyFields(spec, LINEAR_FIELDS, where);
                int in = Specs.requiredInt(spec, "inFeatures", at, where);
                int out = Specs.requiredInt(spec, "outFeatures", at, where);
                boolean bias = Specs.optionalBoolean(spec, "bias", true, where);
                try {
                    return new Linear(in, out, bias, gen);
                } catch (EngineException e) {
                    throw new EngineException(e.code(), at + ": " + e.getMessage());
                }
            }
            case "sigmoid", "relu", "tanh" -> {
                Specs.onlyFields(spec, ACTIVATION_FIELDS, where);
                return switch (t) {
                    case "sigmoid" -> new Sigmoid();
                    case "relu" -> new ReLU();
                    default -> new Tanh();
                };
            }
            default -> throw Specs.invalid(where + ": unknown layer type '" + type + "' (expected linear, sigmoid, relu or tanh)");
        }
    }
}
