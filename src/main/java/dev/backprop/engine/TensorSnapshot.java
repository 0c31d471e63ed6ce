package dev.backprop.engine;

/**
 * Everything an op can change about an existing tensor — its elements, version, place in the graph,
 * {@code .grad} and flags — captured so that a failed sequence of ops can be undone exactly.
 */
public final class TensorSnapshot {
    private final Tensor tensor;
    private final Tensor data;
    private final int version;
    private final Node gradFn;
    private final int outputNr;
    private final int attrVersion;
    private final Tensor grad;
    private final boolean retainsGrad;
    private final boolean requiresGradLeaf;

    private TensorSnapshot(Tensor t) {
        tensor = t;
        data = Conversions.detachedCopy(t);
        version = t.storage.version;
        gradFn = t.gradFn;
        outputNr = t.outputNr;
        attrVersion = t.attrVersion;
        grad = t.grad;
        retainsGrad = t.retainsGrad;
        requiresGradLeaf = t.requiresGradLeaf;
    }

    public static TensorSnapshot of(Tensor t) {
        return new TensorSnapshot(t);
    }

    public Tensor tensor() {
        return tensor;
    }

    /** Puts the tensor back as it was when the snapshot was taken. */
    public void restore() {
        if (tensor.retainsGrad && !retainsGrad && tensor.gradFn != null) {
            tensor.gradFn.retain(tensor.outputNr, null);
        }
        tensor.copyFrom(data);
        tensor.storage.version = version;
        tensor.gradFn = gradFn;
        tensor.outputNr = outputNr;
        tensor.attrVersion = attrVersion;
        tensor.grad = grad;
        tensor.retainsGrad = retainsGrad;
        tensor.requiresGradLeaf = requiresGradLeaf;
    }
}
