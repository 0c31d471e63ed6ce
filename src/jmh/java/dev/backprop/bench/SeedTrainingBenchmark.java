package dev.backprop.bench;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.BCELoss;
import dev.backprop.engine.nn.Linear;
import dev.backprop.engine.nn.Sequential;
import dev.backprop.engine.nn.Sigmoid;
import dev.backprop.engine.optim.Optimizer;
import dev.backprop.engine.optim.SGD;
import dev.backprop.engine.random.Generator;
import dev.backprop.engine.train.Dataset;
import dev.backprop.engine.train.TrainingData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One iteration of the seed's training loop (200 × 2 samples, Linear + Sigmoid + BCELoss + SGD with
 * momentum): forward, loss, backward, step, zero_grad — the unit PyTorch's src/jmh/python/seed_lr_torch.py times.
 * Baseline in the same run: the same iteration's arithmetic on plain float arrays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SeedTrainingBenchmark {
    private Tensor x, y;
    private Sequential model;
    private final BCELoss loss = new BCELoss();
    private Optimizer optimizer;
    private float[] xs, ys;
    private final float[] w = {0.1f, 0.2f}, buf = new float[3];
    private float b = 0.3f;

    @Setup
    public void setup() {
        Generator gen = new Generator(1);
        Dataset data = Dataset.synthetic(new TrainingData.Synthetic(100, 1.7, 1.0, 2), gen);
        x = data.x();
        y = data.y();
        model = new Sequential(new Linear(2, 1, true, gen), new Sigmoid());
        optimizer = new SGD(model.parameters(), 0.01, 0.9);
        float[][] rows = data.rows();
        xs = new float[rows.length * 2];
        for (int i = 0; i < rows.length; i++) {
            xs[2 * i] = rows[i][0];
            xs[2 * i + 1] = rows[i][1];
        }
        ys = data.labels();
    }

    @Benchmark
    public Tensor iteration() {
        Tensor prediction = model.forward(x);
        Tensor l = loss.forward(prediction.squeeze(), y);
        l.backward();
        optimizer.step();
        optimizer.zeroGrad();
        return l;
    }

    /** Baseline: the iteration's arithmetic by hand, without tensors or autograd. */
    @Benchmark
    public float handWritten() {
        int n = ys.length;
        float gw0 = 0, gw1 = 0, gb = 0, total = 0;
        for (int i = 0; i < n; i++) {
            float z = xs[2 * i] * w[0] + xs[2 * i + 1] * w[1] + b;
            float p = (float) (1 / (1 + Math.exp(-z)));
            total += (float) -(ys[i] * Math.log(p) + (1 - ys[i]) * Math.log1p(-p));
            float g = (p - ys[i]) / n;
            gw0 += g * xs[2 * i];
            gw1 += g * xs[2 * i + 1];
            gb += g;
        }
        buf[0] = 0.9f * buf[0] + gw0;
        buf[1] = 0.9f * buf[1] + gw1;
        buf[2] = 0.9f * buf[2] + gb;
        w[0] -= 0.01f * buf[0];
        w[1] -= 0.01f * buf[1];
        b -= 0.01f * buf[2];
        return total / n;
    }
}
