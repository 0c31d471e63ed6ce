/**
 * {@code torch.optim} in plain Java: {@link dev.backprop.engine.optim.SGD} and
 * {@link dev.backprop.engine.optim.Adam} as PyTorch 1.13's single-tensor implementations compute them,
 * op for op and in the same rounding order, updating parameters in place under no-grad so that their
 * version counters move as PyTorch's do. {@link dev.backprop.engine.optim.OptimizerSpec} builds either
 * from the fields of a request.
 */
package dev.backprop.engine.optim;
