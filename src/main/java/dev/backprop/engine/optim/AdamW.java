package dev.backprop.engine.optim;

import dev.backprop.engine.Tensor;
import java.util.List;

/**
 * {@code torch.optim.AdamW(params, lr, betas, eps, weight_decay, amsgrad, maximize=...)}, the update of
 * torch/optim/adamw.py {@code _single_tensor_adamw} in PyTorch 1.13: Adam's, except that each step first
 * shrinks the parameter by {@code 1 - lr * weight_decay} rather than adding the decay to the gradient.
 */
public final class AdamW extends Adam {

    /** {@code AdamW(params)}: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2. */
    public AdamW(List<Tensor> params) {
        this(params, 1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false);
    }

    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                 boolean maximize) {
        super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, true);
    }
}
