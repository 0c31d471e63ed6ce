package dev.backprop.engine.train;

import dev.backprop.engine.GradMode;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.BCELoss;
import dev.backprop.engine.nn.Linear;
import dev.backprop.engine.nn.Loss;
import dev.backprop.engine.nn.Sequential;
import dev.backprop.engine.nn.Sigmoid;
import dev.backprop.engine.optim.Optimizer;
import dev.backprop.engine.random.Generator;
import java.util.function.BooleanSupplier;

/**
 * The seed's training script (reference/seed-walkthrough.md, section 4; src/jmh/python/seed_lr_torch.py):
 * <pre>
 * torch.manual_seed(seed); ...data...
 * lr_net = Sequential(Linear(features, 1), Sigmoid()); loss_fn = BCELoss(); optimizer = ...
 * for iteration in range(max_iterations):
 *     y_pred = lr_net(train_x); loss = loss_fn(y_pred.squeeze(), train_y)
 *     loss.backward(); optimizer.step(); optimizer.zero_grad()
 *     if iteration % log_every == 0:
 *         acc = (y_pred.ge(0.5).float().squeeze() == train_y).sum() / n   # log; stop if acc > target
 * </pre>
 * Constructing it makes the data and the model; {@link #run} trains once, and can hand out checkpoints from
 * which {@link #resume} goes on exactly as the run would have. Not thread-safe: call
 * {@link #predict} after {@link #run} returns, or serialise the two. {@link #trained} is the model alone, which
 * holds nothing of the data.
 */
public final class LogisticRegressionTraining {
    private final TrainingSpec spec;
    private final Dataset data;
    private final Linear linear;
    private final Sequential model;
    private final Loss lossFunction = new BCELoss();
    private final Optimizer optimizer;
    private TrainingCheckpoint resumedFrom;
    private boolean ran;

    public LogisticRegressionTraining(TrainingSpec spec) {
        this.spec = spec.withDefaults();
        Generator gen = new Generator(this.spec.seed());
        TrainingData source = this.spec.data();
        this.data = source.synthetic() != null ? Dataset.synthetic(source.synthetic(), gen) : Dataset.inline(source.inline());
        this.linear = new Linear(data.features(), 1, true, gen);
        this.model = new Sequential(linear, new Sigmoid());
        this.optimizer = this.spec.optimizer().build(model.parameters());
    }

    /**
     * A training that goes on from {@code checkpoint}, taken by a run of this same {@code spec}: the data and
     * the model are made as the constructor makes them, then the parameters and the optimizer's state are put
     * back, so that {@link #run} continues with {@code checkpoint.nextIteration()} and computes exactly what
     * the uninterrupted run would have. A checkpoint that does not fit the spec (other features, another
     * optimizer, more iterations than the spec allows) is refused with an {@link IllegalArgumentException}.
     */
    public static LogisticRegressionTraining resume(TrainingSpec spec, TrainingCheckpoint checkpoint) {
        LogisticRegressionTraining training = new LogisticRegressionTraining(spec);
        training.restore(checkpoint);
        return training;
    }

    private void restore(TrainingCheckpoint checkpoint) {
        if (checkpoint.weights().length != data.features()) {
            throw new IllegalArgumentException("the checkpoint holds " + checkpoint.weights().length + " weights, but the spec's data has "
                    + data.features() + " features");
        }
        if (checkpoint.nextIteration() > spec.maxIterations()) {
            throw new IllegalArgumentException("the checkpoint continues with iteration " + checkpoint.nextIteration()
                    + ", but the spec stops after " + spec.maxIterations() + " iterations");
        }
        optimizer.loadStateDict(checkpoint.optimizer());
        assign(linear.weight(), checkpoint.weights());
        assign(linear.bias(), new float[] {checkpoint.bias()});
        resumedFrom = checkpoint;
    }

    /** Writes {@code values} into {@code parameter} element by element, exactly and in place, outside the graph. */
    static void assign(Tensor parameter, float[] values) {
        try (GradMode.Scope _ = GradMode.disable()) {
            Tensor flat = parameter.view(values.length);
            for (int i = 0; i < values.length; i++) {
                flat.select(0, i).fill_(values[i]);
            }
        }
    }

    /**
     * Trains until a logged accuracy exceeds the target, {@code maxIterations} have run, or
     * {@code cancelled} answers true (asked once before each iteration).
     */
    public TrainingResult run(MetricsListener listener, BooleanSupplier cancelled) {
        return run(listener, cancelled, CheckpointSink.NONE);
    }

    /**
     * {@link #run(MetricsListener, BooleanSupplier)}, offering {@code checkpoints} one after every iteration
     * that the run does not end with. After {@link #resume}, the run starts at the checkpoint's next iteration,
     * and iterations and times count from the start of the job.
     */
    public TrainingResult run(MetricsListener listener, BooleanSupplier cancelled, CheckpointSink checkpoints) {
        if (ran) {
            throw new IllegalStateException("this training has already run");
        }
        ran = true;
        Tensor x = data.x(), y = data.y();
        int maxIterations = spec.maxIterations(), logEvery = spec.logEvery();
        double target = spec.targetAccuracy();
        StopReason reason = StopReason.MAX_ITERATIONS;
        Tensor lastPrediction = null, lastLoss = null;
        int first = resumedFrom == null ? 0 : resumedFrom.nextIteration();
        int iterations = first;
        // Shifted back by the time before the checkpoint, so that every elapsed time below continues from it.
        long start = System.nanoTime() - (resumedFrom == null ? 0 : resumedFrom.elapsedNanos());
        for (int iteration = first; iteration < maxIterations; iteration++) {
            if (cancelled.getAsBoolean()) {
                reason = StopReason.CANCELLED;
                break;
            }
            Tensor prediction = model.forward(x);
            Tensor loss = lossFunction.forward(prediction.squeeze(), y);
            loss.backward();
            optimizer.step();
            optimizer.zeroGrad();
            iterations = iteration + 1;
            lastPrediction = prediction;
            lastLoss = loss;
            if (iteration % logEvery == 0) {
                double accuracy = accuracy(prediction);
                listener.onMetrics(new TrainingMetrics(iteration, loss.item(), accuracy, weights(), bias(), System.nanoTime() - start));
                if (accuracy > target) {
                    reason = StopReason.TARGET_REACHED;
                    break;
                }
            }
            long elapsed = System.nanoTime() - start;
            if (iterations < maxIterations && checkpoints.due(iterations, elapsed)) {
                checkpoints.save(new TrainingCheckpoint(iterations, weights(), bias(), optimizer.stateDict(), elapsed, loss.item(),
                        accuracy(prediction)));
            }
        }
        long elapsed = System.nanoTime() - start;
        double finalLoss = lastLoss != null ? lastLoss.item() : resumedFrom != null ? resumedFrom.loss() : Double.NaN;
        double finalAccuracy = lastPrediction != null ? accuracy(lastPrediction) : resumedFrom != null ? resumedFrom.accuracy() : Double.NaN;
        return new TrainingResult(weights(), bias(), finalLoss, finalAccuracy, iterations, elapsed, reason);
    }

    /** {@code (y_pred.ge(0.5).float().squeeze() == train_y).sum().item() / train_y.size(0)}. */
    private double accuracy(Tensor prediction) {
        Tensor y = data.y();
        int n = y.numel(), correct = 0;
        for (int i = 0; i < n; i++) {
            float predictedClass = prediction.getDouble(i) >= 0.5 ? 1f : 0f;
            if (predictedClass == (float) y.getDouble(i)) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /** {@code lr_net(x)} under no_grad: the probability of class 1 for every row of {@code x}. */
    public float[] predict(float[][] x) {
        return trained().predict(x);
    }

    /** The model as it is now, to predict with once this training (and its data) is gone. */
    public TrainedModel trained() {
        return new TrainedModel(model, data.features());
    }

    /** {@code lr_net[0].weight[0]}: the current weights. */
    public float[] weights() {
        Tensor w = linear.weight();
        float[] out = new float[w.numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) w.getDouble(i);
        }
        return out;
    }

    /** {@code lr_net[0].bias[0]}: the current bias. */
    public float bias() {
        return (float) linear.bias().getDouble(0);
    }

    public TrainingSpec spec() {
        return spec;
    }

    public Dataset data() {
        return data;
    }

    public Sequential model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }
}
