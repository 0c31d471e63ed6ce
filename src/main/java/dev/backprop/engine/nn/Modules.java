package dev.backprop.engine.nn;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.Reduction;
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
 *       "outFeatures": 1, "bias": true}}, {@code {"type": "sigmoid"}}, {@code relu}, {@code tanh},
 *       {@code softmax}/{@code log_softmax} ({@code dim}), {@code dropout} ({@code p}), {@code flatten}
 *       ({@code startDim}, {@code endDim}), {@code layer_norm} ({@code normalizedShape}, {@code eps},
 *       {@code elementwiseAffine}), {@code embedding} ({@code numEmbeddings}, {@code embeddingDim},
 *       {@code paddingIdx}), and the losses {@code cross_entropy_loss} ({@code weight} as a list of numbers,
 *       {@code ignoreIndex}, {@code reduction}, {@code labelSmoothing}), {@code nll_loss}, {@code l1_loss},
 *       {@code bce_loss}, {@code mse_loss};</li>
 *   <li>any other object maps child names to specs, the {@code nn.Module}-subclass style
 *       ({@code {"features": {...}, "sigmoid": {...}}}), applied in the object's order.</li>
 * </ul>
 * Bad specs fail with {@link dev.backprop.engine.ErrorCode#INVALID_ARGUMENT} and a message that names the place.
 */
public final class Modules {
    private static final int MAX_DEPTH = 32;
    private static final Set<String> LINEAR_FIELDS = Set.of("type", "inFeatures", "outFeatures", "bias");
    private static final Set<String> ACTIVATION_FIELDS = Set.of("type");
    private static final Set<String> SOFTMAX_FIELDS = Set.of("type", "dim");
    private static final Set<String> DROPOUT_FIELDS = Set.of("type", "p");
    private static final Set<String> FLATTEN_FIELDS = Set.of("type", "startDim", "endDim");
    private static final Set<String> LAYER_NORM_FIELDS = Set.of("type", "normalizedShape", "eps", "elementwiseAffine");
    private static final Set<String> EMBEDDING_FIELDS = Set.of("type", "numEmbeddings", "embeddingDim", "paddingIdx");
    private static final Set<String> CROSS_ENTROPY_FIELDS = Set.of("type", "weight", "ignoreIndex", "reduction", "labelSmoothing");
    private static final Set<String> NLL_FIELDS = Set.of("type", "weight", "ignoreIndex", "reduction");
    private static final Set<String> WEIGHTED_REDUCTION_FIELDS = Set.of("type", "weight", "reduction");
    private static final Set<String> REDUCTION_FIELDS = Set.of("type", "reduction");
    private static final String TYPES = "linear, sigmoid, relu, tanh, softmax, log_softmax, dropout, flatten, layer_norm, "
            + "embedding, cross_entropy_loss, nll_loss, l1_loss, bce_loss or mse_loss";

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
                    throw EngineException.invalidField(where + ".type", "a layer type (" + TYPES + ")", map.get("type"));
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
                return located(at, () -> new Linear(in, out, bias, gen));
            }
            case "sigmoid", "relu", "tanh" -> {
                Specs.onlyFields(spec, ACTIVATION_FIELDS, where);
                return switch (t) {
                    case "sigmoid" -> new Sigmoid();
                    case "relu" -> new ReLU();
                    default -> new Tanh();
                };
            }
            case "softmax", "log_softmax" -> {
                Specs.onlyFields(spec, SOFTMAX_FIELDS, where);
                Integer dim = Specs.optionalInt(spec, "dim", null, at, where);
                return t.equals("softmax") ? Softmax.softmax(dim) : Softmax.logSoftmax(dim);
            }
            case "dropout" -> {
                Specs.onlyFields(spec, DROPOUT_FIELDS, where);
                return located(at, () -> new Dropout(Specs.optionalNumber(spec, "p", 0.5, where), gen));
            }
            case "flatten" -> {
                Specs.onlyFields(spec, FLATTEN_FIELDS, where);
                return new Flatten(Specs.optionalInt(spec, "startDim", 1, at, where), Specs.optionalInt(spec, "endDim", -1, at, where));
            }
            case "layer_norm" -> {
                Specs.onlyFields(spec, LAYER_NORM_FIELDS, where);
                int[] shape = Specs.requiredShape(spec, "normalizedShape", at, where);
                double eps = Specs.optionalNumber(spec, "eps", 1e-5, where);
                boolean affine = Specs.optionalBoolean(spec, "elementwiseAffine", true, where);
                return located(at, () -> new LayerNorm(shape, eps, affine));
            }
            case "embedding" -> {
                Specs.onlyFields(spec, EMBEDDING_FIELDS, where);
                int num = Specs.requiredInt(spec, "numEmbeddings", at, where);
                int dim = Specs.requiredInt(spec, "embeddingDim", at, where);
                Integer padding = Specs.optionalInt(spec, "paddingIdx", null, at, where);
                return located(at, () -> new Embedding(num, dim, padding, gen));
            }
            default -> {
                return loss(t, type, spec, where, at);
            }
        }
    }

    private static Module loss(String t, String type, Map<?, ?> spec, String where, String at) {
        switch (t) {
            case "cross_entropy_loss" -> {
                Specs.onlyFields(spec, CROSS_ENTROPY_FIELDS, where);
                return FunctionalLoss.crossEntropy(Specs.optionalFloats(spec, "weight", where),
                        Specs.optionalInt(spec, "ignoreIndex", -100, at, where), Specs.reduction(spec, where),
                        Specs.optionalNumber(spec, "labelSmoothing", 0, where));
            }
            case "nll_loss" -> {
                Specs.onlyFields(spec, NLL_FIELDS, where);
                return FunctionalLoss.nll(Specs.optionalFloats(spec, "weight", where),
                        Specs.optionalInt(spec, "ignoreIndex", -100, at, where), Specs.reduction(spec, where));
            }
            case "l1_loss", "mse_loss" -> {
                Specs.onlyFields(spec, REDUCTION_FIELDS, where);
                Reduction reduction = Specs.reduction(spec, where);
                return t.equals("l1_loss") ? FunctionalLoss.l1(reduction) : new MSELoss(reduction);
            }
            case "bce_loss" -> {
                Specs.onlyFields(spec, WEIGHTED_REDUCTION_FIELDS, where);
                return new BCELoss(Specs.optionalFloats(spec, "weight", where), Specs.reduction(spec, where));
            }
            default -> throw Specs.invalid(where + ": unknown layer type '" + type + "' (expected " + TYPES + ")");
        }
    }

    /** Builds a layer, naming its place in a message of the engine's. */
    private static Module located(String at, java.util.function.Supplier<Module> make) {
        try {
            return make.get();
        } catch (EngineException e) {
            throw new EngineException(e.code(), at + ": " + e.getMessage());
        }
    }
}
