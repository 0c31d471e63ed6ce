/**
 * The seed's logistic-regression script as a reusable program: {@link dev.backprop.engine.train.TrainingSpec}
 * describes a job (seed, data, optimizer, stopping rule), {@link dev.backprop.engine.train.Dataset} makes the
 * data exactly as the seed does from the same generator, and
 * {@link dev.backprop.engine.train.LogisticRegressionTraining} runs PyTorch's loop (forward, BCE loss,
 * backward, step, zero_grad), reporting every {@code logEvery}-th iteration and stopping once the
 * accuracy passes the target, then predicts with the trained model.
 */
package dev.backprop.engine.train;
