/**
 * {@code torch.nn} in plain Java: {@link dev.backprop.engine.nn.Module} with parameter names and order
 * as PyTorch's {@code state_dict} gives them, {@link dev.backprop.engine.nn.Linear} initialised from a
 * {@link dev.backprop.engine.random.Generator} exactly as PyTorch initialises it, the activations,
 * {@link dev.backprop.engine.nn.Sequential} (positional or with named children), the losses, and
 * {@link dev.backprop.engine.nn.Modules}, which builds a model from a spec of plain lists, maps and
 * numbers as parsed from JSON.
 */
package dev.backprop.engine.nn;
