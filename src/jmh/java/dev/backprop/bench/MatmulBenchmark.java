package dev.backprop.bench;

import dev.backprop.engine.Tensor;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * A float32 matmul forward and backward ({@code (A @ B).sum().backward()}) and a float64 forward, against a plain
 * i-k-j triple loop over float arrays measured in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class MatmulBenchmark {
    @Param("1000")
    int n;

    private float[] a, b;
    private double[] a64, b64;

    @Setup
    public void setup() {
        Random r = new Random(0);
        a = new float[n * n];
        b = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
            b[i] = (float) r.nextGaussian();
        }
        a64 = new double[n * n];
        b64 = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a64[i] = a[i];
            b64[i] = b[i];
        }
    }

    @Benchmark
    public Tensor forward() {
        return Tensor.of(a, n, n).mm(Tensor.of(b, n, n));
    }

    @Benchmark
    public Tensor forwardFloat64() {
        return Tensor.of(a64, n, n).mm(Tensor.of(b64, n, n));
    }

    @Benchmark
    public Tensor forwardBackward() {
        Tensor x = Tensor.of(a, n, n).requiresGrad_(true);
        Tensor y = Tensor.of(b, n, n).requiresGrad_(true);
        x.mm(y).sum().backward();
        return x.grad();
    }

    /** Baseline: the naive i-k-j loop the JIT auto-vectorises. */
    @Benchmark
    public float[] plainLoop() {
        float[] c = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                float av = a[i * n + k];
                int bi = k * n, ci = i * n;
                for (int j = 0; j < n; j++) c[ci + j] += av * b[bi + j];
            }
        }
        return c;
    }
}
