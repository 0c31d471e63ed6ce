package dev.backprop.engine.nn;

import dev.backprop.engine.DType;
import dev.backprop.engine.Factories;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.optim.PythonFloat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code torch.nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)}: the {@code layer_norm}
 * op over the last dims; with affine, a float32 weight of ones and bias of zeros (nothing is drawn).
 */
public final class LayerNorm extends Module {
    private final int[] normalizedShape;
    private final double eps;
    private final Tensor weight;
    private final Tensor bias;

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        if (elementwiseAffine) {
            this.weight = registerParameter("weight", Factories.ones(normalizedShape, DType.FLOAT32).requiresGrad_(true));
            this.bias = registerParameter("bias", Factories.zeros(normalizedShape, DType.FLOAT32).requiresGrad_(true));
        } else {
            this.weight = null;
            this.bias = null;
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("normalized_shape", Arrays.stream(normalizedShape).boxed().toList());
        if (weight != null) {
            attrs.put("weight", weight);
            attrs.put("bias", bias);
        }
        attrs.put("eps", eps);
        return FunctionalOps.call("layer_norm", attrs, input);
    }

    @Override
    protected String extraRepr() {
        String shape = Arrays.stream(normalizedShape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return "(" + shape + (normalizedShape.length == 1 ? ",)" : ")") + ", eps=" + PythonFloat.repr(eps)
                + ", elementwise_affine=" + (weight != null ? "True" : "False");
    }
}
