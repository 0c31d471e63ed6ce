package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;

/** Matrix products ({@link LinAlg}) and {@code linear}. */
final class LinAlgOpDefs {
    private LinAlgOpDefs() {}

    static void register() {
        op("matmul(Tensor input, Tensor other)")
                .gradFn("DotBackward0", "MvBackward0", "MmBackward0", "SqueezeBackward3", "UnsafeViewBackward0")
                .does(a -> a.tensor("input").matmul(a.tensor("other")));
        op("mm(Tensor input, Tensor mat2)").gradFn("MmBackward0").does(a -> a.tensor("input").mm(a.tensor("mat2")));
        op("bmm(Tensor input, Tensor mat2)").gradFn("BmmBackward0").does(a -> LinAlg.bmm(a.tensor("input"), a.tensor("mat2")));
        op("dot(Tensor input, Tensor tensor)").gradFn("DotBackward0").does(a -> a.tensor("input").dot(a.tensor("tensor")));
        op("mv(Tensor input, Tensor vec)").gradFn("MvBackward0").does(a -> a.tensor("input").mv(a.tensor("vec")));
        op("outer(Tensor input, Tensor vec2)").gradFn("MulBackward0").does(a -> a.tensor("input").outer(a.tensor("vec2")));
        op("addmm(Tensor input, Tensor mat1, Tensor mat2, *, Number beta = 1, Number alpha = 1)").gradFn("AddmmBackward0")
                .does(a -> LinAlg.addmm(a.tensor("input"), a.tensor("mat1"), a.tensor("mat2"), a.number("beta"), a.number("alpha")));
        op("linear(Tensor input, Tensor weight, Tensor? bias = None)").gradFn("AddmmBackward0", "AddBackward0", "ViewBackward0",
                "MmBackward0", "SqueezeBackward3", "UnsafeViewBackward0")
                .does(a -> Functional.linear(a.tensor("input"), a.tensor("weight"), a.tensor("bias")));
    }
}
