/**
 * The autograd engine: tensors with PyTorch's dtypes, broadcasting and type promotion; ops that run
 * at once and record the dynamic graph as they go ({@link dev.backprop.engine.Node}, PyTorch's
 * {@code grad_fn}); and {@link dev.backprop.engine.Autograd}'s {@code backward} and {@code grad}. Each
 * op states its forward and its derivative in one place ({@link dev.backprop.engine.UnaryOps},
 * {@link dev.backprop.engine.BinaryOps}, and the op families beside them), and derivatives are written
 * in tensor ops so that any order of derivative works. A plain Java library: it depends on
 * {@code java.*} alone.
 */
package dev.backprop.engine;
