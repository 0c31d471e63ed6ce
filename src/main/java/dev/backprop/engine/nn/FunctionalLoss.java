package dev.backprop.engine.nn;

import dev.backprop.engine.Reduction;
import dev.backprop.engine.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code torch.nn.CrossEntropyLoss}, {@code NLLLoss} and {@code L1Loss}: the loss op of that name
 * ({@code cross_entropy}, {@code nll_loss}, {@code l1_loss}) with the module's settings as keywords; only
 * settings that differ from PyTorch's defaults are passed. A class weight is a buffer named {@code weight},
 * in {@code state_dict} as PyTorch's {@code _WeightedLoss} registers it.
 */
public final class FunctionalLoss extends Loss {
    private static final int DEFAULT_IGNORE_INDEX = -100;

    private final String op;
    private final String typeName;
    private final Tensor weight;
    private final Map<String, Object> settings;

    private FunctionalLoss(String op, String typeName, Tensor weight, Map<String, Object> settings) {
        this.op = op;
        this.typeName = typeName;
        this.weight = weight == null ? null : registerBuffer("weight", weight);
        this.settings = Map.copyOf(settings);
    }

    /** {@code CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)} */
    public static FunctionalLoss crossEntropy(Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing) {
        Map<String, Object> settings = classSettings(ignoreIndex, reduction);
        if (labelSmoothing != 0) settings.put("label_smoothing", labelSmoothing);
        return new FunctionalLoss("cross_entropy", "CrossEntropyLoss", weight, settings);
    }

    /** {@code NLLLoss(weight=None, ignore_index=-100, reduction='mean')} */
    public static FunctionalLoss nll(Tensor weight, int ignoreIndex, Reduction reduction) {
        return new FunctionalLoss("nll_loss", "NLLLoss", weight, classSettings(ignoreIndex, reduction));
    }

    /** {@code L1Loss(reduction='mean')} */
    public static FunctionalLoss l1(Reduction reduction) {
        return new FunctionalLoss("l1_loss", "L1Loss", null, reductionSetting(reduction));
    }

    private static Map<String, Object> classSettings(int ignoreIndex, Reduction reduction) {
        Map<String, Object> settings = reductionSetting(reduction);
        if (ignoreIndex != DEFAULT_IGNORE_INDEX) settings.put("ignore_index", ignoreIndex);
        return settings;
    }

    private static Map<String, Object> reductionSetting(Reduction reduction) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (reduction != Reduction.MEAN) settings.put("reduction", reduction.name().toLowerCase(java.util.Locale.ROOT));
        return settings;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        Map<String, Object> attrs = new LinkedHashMap<>(settings);
        if (weight != null) attrs.put("weight", weight);
        return FunctionalOps.call(op, attrs, input, target);
    }

    @Override
    public String typeName() {
        return typeName;
    }
}
