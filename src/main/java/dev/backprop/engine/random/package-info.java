/**
 * PyTorch's CPU random number generation in plain Java: the {@code at::mt19937} engine behind
 * {@code torch.manual_seed}, and the {@code uniform_} and {@code normal_} kernels for float32 and
 * float64 tensors, reproducing PyTorch's samples bit for bit so that seeded data and parameter
 * initialisation match a PyTorch run. No dependencies beyond {@code java.*}.
 */
package dev.backprop.engine.random;
