package dev.backprop.bench;

import dev.backprop.engine.DType;
import dev.backprop.engine.GradMode;
import dev.backprop.engine.RandomOps;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.BCELoss;
import dev.backprop.engine.nn.Linear;
import dev.backprop.engine.nn.Sequential;
import dev.backprop.engine.nn.Sigmoid;
import dev.backprop.engine.optim.Optimizer;
import dev.backprop.engine.optim.SGD;
import dev.backprop.engine.random.Generator;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full-batch logistic regression on N × D float32 (the work of src/jmh/python/large_lr_torch.py): Linear +
 * Sigmoid + BCELoss + SGD with momentum, one iteration per op. Baseline in the same run: the memory
 * floor, two SIMD passes over X (X·w and Xᵀ·g) on both cores with nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g"})
public class LargeLogisticRegressionBenchmark {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param("1000000")
    int n;

    @Param("64")
    int d;

    private Tensor x, y;
    private Sequential model;
    private final BCELoss loss = new BCELoss();
    private Optimizer optimizer;
    private float[] xs, w, g, out;

    @Setup
    public void setup() {
        Generator gen = new Generator(0);
        x = RandomOps.randn(new int[] {n, d}, DType.FLOAT32, gen);
        Tensor trueW = RandomOps.randn(new int[] {d, 1}, DType.FLOAT32, gen);
        try (GradMode.Scope ignored = GradMode.disable()) {
            y = x.mm(trueW).gt(0).toFloat().squeeze();
        }
        model = new Sequential(new Linear(d, 1, true, gen), new Sigmoid());
        optimizer = new SGD(model.parameters(), 0.5, 0.9);
        iteration();
        xs = x.toFloatArray();
        w = new float[d];
        g = new float[n];
        out = new float[n];
        java.util.Arrays.fill(w, 0.01f);
        java.util.Arrays.fill(g, 0.5f);
    }

    @Benchmark
    public Tensor iteration() {
        Tensor l = loss.forward(model.forward(x).squeeze(), y);
        l.backward();
        optimizer.step();
        optimizer.zeroGrad();
        return l;
    }

    /** Baseline: X·w and Xᵀ·g with the Vector API, each core taking half the rows: the floor any implementation pays. */
    @Benchmark
    public float twoPassesOverX() {
        java.util.concurrent.ForkJoinPool.commonPool().invoke(new java.util.concurrent.RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(pass(0, n / 2), pass(n / 2, n));
            }
        });
        return out[0];
    }

    private java.util.concurrent.RecursiveAction pass(int from, int to) {
        return new java.util.concurrent.RecursiveAction() {
            @Override
            protected void compute() {
                float[] acc = new float[d];
                for (int i = from; i < to; i++) {
                    FloatVector s = FloatVector.zero(F);
                    for (int j = 0; j < d; j += F.length()) s = FloatVector.fromArray(F, xs, i * d + j).fma(FloatVector.fromArray(F, w, j), s);
                    out[i] = s.reduceLanes(VectorOperators.ADD);
                }
                for (int i = from; i < to; i++) {
                    FloatVector gv = FloatVector.broadcast(F, g[i]);
                    for (int j = 0; j < d; j += F.length()) {
                        FloatVector.fromArray(F, xs, i * d + j).fma(gv, FloatVector.fromArray(F, acc, j)).intoArray(acc, j);
                    }
                }
            }
        };
    }
}
