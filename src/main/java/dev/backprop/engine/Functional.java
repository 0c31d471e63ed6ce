package dev.backprop.engine;

/** {@code torch.nn.functional}: the composite layers and losses that modules are built from. */
public final class Functional {
    private Functional() {}

    /**
     * {@code F.linear(input, weight, bias)} as PyTorch 1.13 computes it: {@code addmm(bias, input, weight.t())}
     * for a 2-D input with a bias ({@code AddmmBackward0}), otherwise {@code matmul} plus the bias.
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        if (input.dim() == 2 && bias != null) {
            return LinAlg.addmm(bias, input, weight.t(), 1, 1);
        }
        if (input.dim() == 3 && bias != null && input.isContiguous()) {
            // aten/src/ATen/native/Linear.cpp (1.13): a contiguous 3-D input is folded into one addmm and viewed back.
            int[] s = input.shape;
            Tensor folded = LinAlg.addmm(bias, input.view(s[0] * s[1], s[2]), weight.t(), 1, 1);
            return folded.view(s[0], s[1], folded.size(1));
        }
        Tensor out = input.matmul(weight.t());
        return bias == null ? out : out.add(bias);
    }

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return Losses.mseLoss(input, target, reduction);
    }
}
