package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.positive;
import static dev.backprop.engine.OpSamples.s;

import dev.backprop.engine.OpSamples.In;
import dev.backprop.engine.OpSamples.Mask;
import dev.backprop.engine.OpSamples.Sample;
import java.util.List;
import java.util.Map;

/** Samples of the first ops: the elementwise tables, factories, shapes, reductions, products, losses and tensor methods. */
final class CoreSamples {
    private CoreSamples() {}

    static void register() {
        add("neg", s("2x3", Map.of(), any(2, 3)));
        add("abs", s("away from 0", Map.of(), In.of(0.3, 2, 2, 3)), s("negative", Map.of(), In.of(-2, -0.3, 3)));
        add("sign", s("2x3", Map.of(), In.of(0.3, 2, 2, 3)));
        add("exp", s("2x3", Map.of(), any(2, 3)));
        add("log", s("positive", Map.of(), positive(2, 3)));
        add("sqrt", s("positive", Map.of(), positive(4)));
        add("sigmoid", s("2x3", Map.of(), any(2, 3)));
        add("tanh", s("2x3", Map.of(), any(2, 3)));
        add("relu", s("positive part", Map.of(), In.of(0.2, 2, 3)), s("negative part", Map.of(), In.of(-2, -0.2, 3)));
        add("add", s("broadcast", Map.of(), any(2, 3), any(3)), s("number", Map.of(), any(2), 1.5),
                s("alpha", Map.of("alpha", 2.5), any(2, 3), any(2, 1)));
        add("sub", s("broadcast", Map.of(), any(2, 1), any(1, 3)), s("alpha", Map.of("alpha", -0.5), any(3), any(3)));
        add("mul", s("broadcast", Map.of(), any(2, 3), any(3)), s("0-d", Map.of(), any(), any(2, 2)), s("number", Map.of(), any(3), 2.0));
        add("div", s("broadcast", Map.of(), any(2, 3), positive(3)), s("number", Map.of(), any(3), 4.0));
        add("pow", s("tensor exponent", Map.of(), positive(2, 2), any(2, 2)), s("number exponent", Map.of(), positive(3), 2.5),
                s("square", Map.of(), any(3), 2), s("number base", Map.of(), 2.0, any(3)));
        add("maximum", s("distinct", Map.of(), In.of(0, 1, 4), In.of(1.5, 3, 4)));
        add("minimum", s("distinct", Map.of(), In.of(0, 1, 4), In.of(1.5, 3, 4)));
        add("view", s("2x3 to 3x2", Map.of("shape", List.of(3, 2)), any(2, 3)));
        add("reshape", s("2x3 to 6", Map.of("shape", List.of(-1)), any(2, 3)), s("transposed to 6", Map.of("shape", List.of(6)), any(3, 2).transposed()));
        add("t", s("2x3", Map.of(), any(2, 3)));
        add("transpose", s("2x3x2", Map.of("dim0", 0, "dim1", 2), any(2, 3, 2)));
        add("squeeze", s("all", Map.of(), any(2, 1, 3)), s("dim", Map.of("dim", 1), any(2, 1, 3)));
        add("unsqueeze", s("dim 1", Map.of("dim", 1), any(2, 3)));
        add("expand", s("1x3 to 2x3", Map.of("size", List.of(2, 3)), any(1, 3)));
        add("narrow", s("columns 1..2", Map.of("dim", 1, "start", 1, "length", 2), any(2, 4)));
        add("select", s("row 1", Map.of("dim", 0, "index", 1), any(3, 2)));
        add("contiguous", s("2x3", Map.of(), any(2, 3)), s("transposed", Map.of(), any(3, 2).transposed()));
        add("cat", s("dim 0", Map.of("dim", 0), any(2, 3), any(1, 3)), s("dim 1", Map.of("dim", 1), any(2, 1), any(2, 2)));
        add("stack", s("dim 1", Map.of("dim", 1), any(2, 3), any(2, 3)));
        add("sum", s("all", Map.of(), any(2, 3)), s("dim keepdim", Map.of("dim", 1, "keepdim", true), any(2, 3)),
                s("dims", Map.of("dim", List.of(0, 2)), any(2, 3, 2)));
        add("mean", s("all", Map.of(), any(2, 3)), s("dim", Map.of("dim", 0), any(2, 3)));
        add("max", s("all", Map.of(), any(2, 3)), s("dim", Map.of("dim", 1), any(2, 3)),
                s("other", Map.of(), In.of(0, 1, 3), In.of(1.5, 2, 3)));
        add("min", s("all", Map.of(), any(2, 3)), s("dim keepdim", Map.of("dim", 0, "keepdim", true), any(2, 3)),
                s("other", Map.of(), In.of(0, 1, 3), In.of(1.5, 2, 3)));
        add("clamp", s("inside", Map.of("min", -5.0, "max", 5.0), any(2, 3)), s("clipped", Map.of("min", 0.5), In.of(-1, -0.1, 3)),
                s("tensor bounds", Map.of(), any(4), In.of(-3, -2.5, 4), In.of(2.5, 3, 4)));
        add("clamp_min", s("min", Map.of("min", 0.0), In.of(0.2, 2, 3)));
        add("clamp_max", s("max", Map.of("max", 0.0), In.of(0.2, 2, 3)));
        add("where", s("mask", Map.of(), new Mask(new boolean[] {true, false, true}), any(3), any(3)));
        add("matmul", s("mm", Map.of(), any(2, 3), any(3, 4)), s("dot", Map.of(), any(3), any(3)), s("mv", Map.of(), any(2, 3), any(3)),
                s("vector-matrix", Map.of(), any(3), any(3, 2)), s("batched", Map.of(), any(2, 2, 3), any(3, 2)),
                s("broadcast batch", Map.of(), any(2, 1, 2, 3), any(3, 3, 2)));
        add("mm", s("2x3 3x2", Map.of(), any(2, 3), any(3, 2)));
        add("bmm", s("2x2x3 2x3x2", Map.of(), any(2, 2, 3), any(2, 3, 2)));
        add("dot", s("3", Map.of(), any(3), any(3)));
        add("mv", s("2x3 3", Map.of(), any(2, 3), any(3)));
        add("outer", s("2 3", Map.of(), any(2), any(3)));
        add("addmm", s("bias row", Map.of(), any(3), any(2, 4), any(4, 3)),
                s("beta alpha", Map.of("beta", 0.5, "alpha", 2.0), any(2, 3), any(2, 4), any(4, 3)));
        add("linear", s("2-D input", Map.of(), any(4, 3), any(2, 3), any(2)), s("1-D input", Map.of(), any(3), any(2, 3), any(2)),
                s("no bias", Map.of(), any(4, 3), any(2, 3)), s("3-D input", Map.of(), any(2, 4, 3), any(2, 3), any(2)),
                s("1-D input, no bias", Map.of(), any(3), any(2, 3)), s("3-D input, no bias", Map.of(), any(2, 4, 3), any(2, 3)));
        add("binary_cross_entropy", s("mean", Map.of(), In.of(0.1, 0.9, 4), In.of(0, 1, 4)),
                s("sum", Map.of("reduction", "sum"), In.of(0.1, 0.9, 2, 2), In.constant(0, 1, 2, 2)),
                s("none", Map.of("reduction", "none"), In.of(0.1, 0.9, 3), In.of(0, 1, 3)));
        add("binary_cross_entropy_with_logits", s("mean", Map.of(), any(4), In.of(0, 1, 4)),
                s("none", Map.of("reduction", "none"), any(3), In.of(0, 1, 3)));
        add("mse_loss", s("mean", Map.of(), any(2, 3), any(2, 3)), s("sum", Map.of("reduction", "sum"), any(4), any(4)),
                s("none", Map.of("reduction", "none"), any(3), any(3)));
        add("float", new Sample("to float32", List.of(In.of(0.25, 1, 3)), Map.of(), 1.0 / 1024));
        add("double", s("identity", Map.of(), any(3)), new Sample("from float32", List.of(In.of(0.25, 1, 3).float32()), Map.of(), 1.0 / 1024));
        add("to", s("to float64", Map.of("dtype", "float64"), any(3)),
                new Sample("to float32", List.of(In.of(0.25, 1, 3)), Map.of("dtype", "float32"), 1.0 / 1024));
        add("clone", s("2x3", Map.of(), any(2, 3)));
        for (String u : List.of("neg", "abs", "sign", "exp", "log", "sqrt", "sigmoid", "tanh", "relu")) {
            add(u + "_", s("non-leaf", Map.of(), positive(2, 3)));
        }
        for (String b : List.of("add", "sub", "mul", "div", "maximum", "minimum")) {
            add(b + "_", s("tensor", Map.of(), positive(2, 3), positive(3)));
        }
        add("pow_", s("tensor exponent", Map.of(), positive(3), any(3)), s("number exponent", Map.of(), positive(3), 2.5));
        add("clamp_", s("numbers", Map.of("min", 0.75, "max", 1.5), positive(2, 3)),
                s("tensor bounds", Map.of(), any(4), In.of(-3, -2.5, 4), In.of(2.5, 3, 4)));
        for (String cmp : List.of("ge", "gt", "le", "lt", "eq", "ne")) {
            add(cmp, s("tensors", Map.of(), any(2, 3), any(3)), s("number", Map.of(), any(3), 0.5));
        }
        add("logical_and", s("masks", Map.of(), new Mask(new boolean[] {true, false, true}), new Mask(new boolean[] {true, true, false})));
        add("tensor", s("nested", Map.of("data", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)))),
                s("int64", Map.of("dtype", "int64"), List.of(1, 2)));
        add("zeros", s("2x3", Map.of(), 2, 3));
        add("ones", s("size list", Map.of("dtype", "float64"), List.of(2, 2)));
        add("full", s("2x2 of 7", Map.of(), List.of(2, 2), 7.0));
        add("arange", s("end", Map.of(), 5), s("start end step", Map.of(), 0.0, 1.0, 0.25));
        add("zeros_like", s("2x3", Map.of(), any(2, 3)));
        add("ones_like", s("2x3", Map.of(), any(2, 3)));
        add("rand", s("2x3", Map.of(), 2, 3));
        add("randn", s("4", Map.of(), 4));
        add("uniform", s("2x2 in [-1, 1)", Map.of("size", List.of(2, 2)), -1.0, 1.0));
        add("normal", s("tensor mean and std", Map.of(), any(3), positive(3)), s("tensor mean", Map.of(), any(3), 2.0),
                s("tensor std", Map.of(), 1.0, positive(3)), s("size", Map.of("size", List.of(2, 3)), 0.0, 1.0));
        add("long", s("2x3", Map.of(), any(2, 3)));
        add("bool", s("2x3", Map.of(), any(2, 3)));
        add("detach", s("2x3", Map.of(), any(2, 3)));
        add("detach_", s("non-leaf", Map.of(), In.constant(-2, 2, 2, 3)));
        add("retain_grad", s("2x3", Map.of(), any(2, 3)));
        add("requires_grad_", s("off", Map.of("requires_grad", false), In.constant(-2, 2, 3)));
        add("zero_", s("non-leaf", Map.of(), any(2, 3)));
        add("fill_", s("tensor value", Map.of(), any(2, 3), In.constant(1, 2)), s("number", Map.of(), any(2, 3), 2.5));
    }
}
