package dev.backprop.bench;

import dev.backprop.engine.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed's graph, {@code y = (w + x) * (w + 1)}, forward and backward, against the same arithmetic
 * on plain floats (the floor an autograd engine is measured from).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SeedGraphBenchmark {
    private float w = 1, x = 2;

    @Benchmark
    public Tensor forwardBackward() {
        Tensor wt = Tensor.of(new float[] {w}, 1).requiresGrad_(true);
        Tensor xt = Tensor.of(new float[] {x}, 1).requiresGrad_(true);
        Tensor a = wt.add(xt);
        Tensor b = wt.add(1);
        Tensor y = a.mul(b);
        y.backward();
        return wt.grad();
    }

    /** Baseline: the values and both derivatives by hand. */
    @Benchmark
    public float[] plainArithmetic() {
        float a = w + x, b = w + 1;
        return new float[] {a * b, b + a, a};
    }
}
