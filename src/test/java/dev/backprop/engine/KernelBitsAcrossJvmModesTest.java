package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sigmoid, binary cross entropy, row-dot and blocked matrix product kernels give the same bits in a JVM that only interprets as in one
 * whose JIT has compiled them, and for an element in the SIMD body as for the same element in the scalar tail:
 * a training resumed in a fresh JVM repeats an uninterrupted one exactly.
 */
class KernelBitsAcrossJvmModesTest {
    private static final int WARM_UP_CALLS = 50_000;

    @Test
    void anInterpretingJvmComputesTheSameBitsAsACompiledOne() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process interpreted = new ProcessBuilder(java, "-Xint", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), KernelBitsMain.class.getName())
                .start();
        int[] compiled = null;
        for (int i = 0; i < WARM_UP_CALLS; i++) compiled = KernelBitsMain.bits();
        String output = new String(interpreted.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String errors = new String(interpreted.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(interpreted.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(interpreted.exitValue()).as(errors).isZero();
        int[] fromInterpreter = output.lines().mapToInt(line -> Integer.parseUnsignedInt(line, 16)).toArray();
        int[] fromCompiled = compiled;
        assertThat(fromInterpreter).hasSameSizeAs(fromCompiled);
        List<String> differences = IntStream.range(0, fromCompiled.length).filter(i -> fromInterpreter[i] != fromCompiled[i])
                .mapToObj(i -> String.format("%s: interpreted %08x, compiled %08x", element(i), fromInterpreter[i], fromCompiled[i]))
                .toList();
        assertThat(differences).isEmpty();
    }

    /** Which kernel's output, and which element of it, the {@code i}-th of {@link KernelBitsMain#bits()} is. */
    private static String element(int i) {
        int n = KernelBitsMain.N, dots = 2 * n + KernelBitsMain.ROWS * (1 + KernelBitsMain.ROWS);
        if (i < n) return "sigmoid " + i;
        if (i < 2 * n) return "bce " + (i - n);
        if (i < dots) return "row dots " + (i - 2 * n);
        return "blocked product " + (i - dots);
    }

    @Test
    void eachElementAloneGetsTheBitsItGetsAmongOthers() {
        float[] logits = KernelBitsMain.logits(), probabilities = KernelBitsMain.probabilities(), targets = KernelBitsMain.targets();
        int n = KernelBitsMain.N;
        float[] sigmoid = new float[n], loss = new float[n];
        VectorKernels.sigmoid(logits, sigmoid, n);
        VectorKernels.binaryCrossEntropy(probabilities, targets, loss, n);
        float[] one = new float[1];
        for (int i = 0; i < n; i++) {
            VectorKernels.sigmoid(new float[] {logits[i]}, one, 1);
            assertThat(Float.floatToRawIntBits(one[0])).as("sigmoid(%s)", logits[i]).isEqualTo(Float.floatToRawIntBits(sigmoid[i]));
            VectorKernels.binaryCrossEntropy(new float[] {probabilities[i]}, new float[] {targets[i]}, one, 1);
            assertThat(Float.floatToRawIntBits(one[0])).as("bce(%s, %s)", probabilities[i], targets[i])
                    .isEqualTo(Float.floatToRawIntBits(loss[i]));
        }
    }
}
