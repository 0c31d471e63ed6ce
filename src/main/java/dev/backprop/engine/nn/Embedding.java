package dev.backprop.engine.nn;

import dev.backprop.engine.DType;
import dev.backprop.engine.GradMode;
import dev.backprop.engine.RandomOps;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)}: a float32 weight drawn by
 * {@code normal_(0, 1)} from the generator as {@code reset_parameters} draws it, the padding row then
 * zeroed; the forward is the {@code embedding} op, whose padding row gets no gradient.
 */
public final class Embedding extends Module {
    private final int numEmbeddings;
    private final int embeddingDim;
    private final Integer paddingIdx;
    private final Tensor weight;

    /** @param paddingIdx the padding row, negative counting from the end, or null */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Generator gen) {
        if (numEmbeddings < 0 || embeddingDim < 0) {
            throw Specs.invalid("Trying to create tensor with negative dimension " + Math.min(numEmbeddings, embeddingDim) + ": ["
                    + numEmbeddings + ", " + embeddingDim + "]");
        }
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw Specs.invalid("Padding_idx must be within num_embeddings");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx >= 0 ? paddingIdx : Integer.valueOf(numEmbeddings + paddingIdx);
        Tensor w = RandomOps.normal(0, 1, new int[] {numEmbeddings, embeddingDim}, DType.FLOAT32, gen);
        if (this.paddingIdx != null) {
            try (GradMode.Scope ignored = GradMode.disable()) {
                w.select(0, this.paddingIdx).zero_();
            }
        }
        this.weight = registerParameter("weight", w.requiresGrad_(true));
    }

    @Override
    public Tensor forward(Tensor input) {
        Map<String, Object> attrs = new HashMap<>();
        if (paddingIdx != null) attrs.put("padding_idx", paddingIdx);
        return FunctionalOps.call("embedding", attrs, input, weight);
    }

    public Tensor weight() {
        return weight;
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
