/**
 * {@code torch.optim} in plain Java: {@link dev.backprop.engine.optim.SGD}, {@link dev.backprop.engine.optim.Adam},
 * {@link dev.backprop.engine.optim.AdamW}, {@link dev.backprop.engine.optim.RMSprop} and
 * {@link dev.backprop.engine.optim.Adagrad} as PyTorch 1.13's single-tensor implementations compute them,
 * op for op and in the same rounding order, updating parameters in place under no-grad so that their
 * version counters move as PyTorch's do. {@link dev.backprop.engine.optim.OptimizerFields} reads a request's
 * fields into the type's {@link dev.backprop.engine.optim.OptimizerSpec}, which builds the optimizer.
 */
package dev.backprop.engine.optim;
