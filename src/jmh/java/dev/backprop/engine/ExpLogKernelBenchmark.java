package dev.backprop.engine;

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
 * The sigmoid and binary cross entropy kernels, whose exp and log are the engine's reproducible ones, at the
 * seed's 200 elements and at a million. Baseline in the same run: the same loops with the Vector API's own
 * EXP and LOG (a vector math library once compiled), whose last bit depends on the JIT.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ExpLogKernelBenchmark {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"200", "1000000"})
    int n;

    private float[] logits, probabilities, targets, out;

    @Setup
    public void setup() {
        logits = new float[n];
        probabilities = new float[n];
        targets = new float[n];
        out = new float[n];
        for (int i = 0; i < n; i++) {
            logits[i] = -20f + 40f * i / n;
            probabilities[i] = (i + 0.5f) / n;
            targets[i] = i % 2;
        }
    }

    @Benchmark
    public float[] sigmoid() {
        VectorKernels.sigmoid(logits, out, n);
        return out;
    }

    @Benchmark
    public float[] binaryCrossEntropy() {
        VectorKernels.binaryCrossEntropy(probabilities, targets, out, n);
        return out;
    }

    /** Baseline: the sigmoid loop with the Vector API's EXP. */
    @Benchmark
    public float[] vectorApiSigmoid() {
        VectorKernels.split(n, (from, to) -> {
            FloatVector one = FloatVector.broadcast(F, 1f);
            int upper = from + F.loopBound(to - from), i = from;
            for (; i < upper; i += F.length()) {
                one.div(FloatVector.fromArray(F, logits, i).neg().lanewise(VectorOperators.EXP).add(one)).intoArray(out, i);
            }
            for (; i < to; i++) out[i] = (float) (1 / (1 + Math.exp(-logits[i])));
        });
        return out;
    }

    /** Baseline: the binary cross entropy loop with the Vector API's LOG. */
    @Benchmark
    public float[] vectorApiBinaryCrossEntropy() {
        VectorKernels.split(n, (from, to) -> {
            FloatVector one = FloatVector.broadcast(F, 1f), floor = FloatVector.broadcast(F, -100f);
            int upper = from + F.loopBound(to - from), i = from;
            for (; i < upper; i += F.length()) {
                FloatVector xv = FloatVector.fromArray(F, probabilities, i), tv = FloatVector.fromArray(F, targets, i);
                FloatVector logOneMinus = one.sub(xv).lanewise(VectorOperators.LOG).max(floor);
                FloatVector log = xv.lanewise(VectorOperators.LOG).max(floor);
                tv.sub(one).mul(logOneMinus).sub(tv.mul(log)).intoArray(out, i);
            }
            for (; i < to; i++) {
                float p = probabilities[i], t = targets[i];
                out[i] = (t - 1) * Math.max((float) Math.log(1.0 - p), -100f) - t * Math.max((float) Math.log(p), -100f);
            }
        });
        return out;
    }
}
