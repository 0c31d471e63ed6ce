package dev.backprop.engine;

/**
 * A tensor a node keeps for its backward, stamped with the version it had when saved (PyTorch's
 * {@code SavedVariable}, torch/csrc/autograd/saved_variable.cpp). Unpacking after the graph was freed,
 * or after an in-place op changed the tensor, fails with PyTorch's messages.
 */
final class SavedTensor {
    static final String ERR_BACKWARD_TWICE = "Trying to backward through the graph a second time (or directly access saved "
            + "tensors after they have already been freed). Saved intermediate values of the graph are freed when you call "
            + ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second "
            + "time or if you need to access saved tensors after calling backward.";

    private Tensor tensor;
    private int savedVersion;

    SavedTensor(Tensor tensor) {
        this.tensor = tensor;
        this.savedVersion = tensor.storage.version;
    }

    Tensor unpack() {
        if (tensor == null) {
            throw new EngineException(ErrorCode.GRAPH_FREED, ERR_BACKWARD_TWICE);
        }
        int current = tensor.storage.version;
        if (current != savedVersion) {
            StringBuilder m = new StringBuilder("one of the variables needed for gradient computation has been modified by an "
                    + "inplace operation: [").append(tensor.dtype.legacyTypeName()).append(' ').append(Shapes.format(tensor.shape))
                    .append(']');
            if (tensor.gradFn != null) {
                m.append(", which is output ").append(tensor.outputNr).append(" of ").append(tensor.gradFn.cppName()).append(',');
            }
            m.append(" is at version ").append(current).append("; expected version ").append(savedVersion)
                    .append(" instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
                            + "with torch.autograd.set_detect_anomaly(True).");
            throw new EngineException(ErrorCode.SAVED_TENSOR_MODIFIED, m.toString());
        }
        return tensor;
    }

    boolean refersTo(Tensor t) {
        return tensor == t;
    }

    /** Re-points a saved output at the tensor an in-place op wrote it into. */
    void rebind(Tensor t) {
        tensor = t;
        savedVersion = t.storage.version;
    }

    /** The saved tensor without the version check (for accounting, never for backward). */
    Tensor peek() {
        return tensor;
    }

    boolean isReleased() {
        return tensor == null;
    }

    void release() {
        tensor = null;
    }
}
