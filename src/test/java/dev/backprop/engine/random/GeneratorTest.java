package dev.backprop.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    /** PyTorch prints 7 decimals, so published values are checked to 2 float32 ulps or 1e-7 relative. */
    private static void assertClose(float expected, float actual) {
        float tolerance = Math.max(2 * Math.ulp(expected), Math.abs(expected) * 1e-7f);
        assertEquals(expected, actual, tolerance);
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i]);
        }
    }

    /** Double values derived off-line (see below) allow a few ulps for libm differences in log/sin/cos. */
    private static void assertCloseDouble(double expected, double actual) {
        assertEquals(expected, actual, 4 * Math.ulp(expected));
    }

    private static float[] randn(Generator g, int n) {
        float[] out = new float[n];
        g.normal(out, 0, n, 0.0, 1.0);
        return out;
    }

    @Test
    void mt19937MatchesReferenceStream() {
        // init_genrand(0) outputs, as numpy.random.RandomState(0).randint(0, 2**32, dtype=uint32) gives them.
        Generator g = new Generator(0);
        assertEquals(2357136044L, Integer.toUnsignedLong(g.random()));
        assertEquals(2546248239L, Integer.toUnsignedLong(g.random()));
        assertEquals(3071714933L << 32 | 3626093760L, g.random64());
        assertEquals(0, g.initialSeed());
    }

    @Test
    void seedUsesLowThirtyTwoBits() {
        Generator wide = new Generator((7L << 32) | 42);
        Generator narrow = new Generator(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(narrow.random(), wide.random());
        }
        assertEquals((7L << 32) | 42, wide.initialSeed());
    }

    @Test
    void rand() {
        Generator g = new Generator(0);
        float[] out = new float[2];
        g.uniform(out, 0, 2, 0.0, 1.0);
        assertClose(new float[] {0.4962566f, 0.7682218f}, out);
    }

    @Test
    void smallRandnUsesScalarBoxMullerAndCachesTheSecondSample() {
        Generator g = new Generator(0);
        assertClose(new float[] {1.5409961f, -0.2934289f, -2.1787894f, 0.5684313f, -1.0845224f, -1.3985955f,
                0.4033468f}, randn(g, 7));
        assertClose(new float[] {0.8380263f}, randn(g, 1));
    }

    @Test
    void randn4x4UsesBatchedBoxMuller() {
        float[] out = randn(new Generator(0), 16);
        assertClose(new float[] {-1.1258398f, -1.1523602f, -0.2505786f, -0.4338788f},
                Arrays.copyOf(out, 4));
    }

    @Test
    void linearInitSeed42() {
        Generator g = new Generator(42);
        float[] weight = new float[1];
        float[] bias = new float[1];
        linearInit(g, 1, weight, bias);
        assertClose(0.7645385f, weight[0]);
        assertClose(0.8300079f, bias[0]);
    }

    @Test
    void seedCaseDataAndInit() throws IOException {
        Generator g = new Generator(1);
        float[] x0 = normalAround(g, 1.7f);
        float[] x1 = normalAround(g, -1.7f);
        float[] weight = new float[2];
        float[] bias = new float[1];
        linearInit(g, 2, weight, bias);

        // These reproduce PyTorch bit for bit, so they are compared exactly.
        assertArrayEquals(new float[] {
                1.1744041442871094f, 1.949768304824829f,
                2.0460190773010254f, 1.0905152559280396f,
                2.5998330116271973f, 2.090811252593994f,
                1.7202277183532715f, 1.0909037590026855f,
                1.9878554344177246f, 3.0037219524383545f}, Arrays.copyOf(x0, 10));
        assertArrayEquals(new float[] {2.2643990516662598f, 2.1038613319396973f}, Arrays.copyOfRange(x0, 198, 200));
        assertArrayEquals(new float[] {
                -0.7705146074295044f, -0.35302066802978516f,
                -1.3536796569824219f, 0.8586201667785645f,
                -0.2999269962310791f, 1.742281436920166f,
                -1.0818407535552979f, -0.26734697818756104f,
                -2.7172999382019043f, -0.27649688720703125f}, Arrays.copyOf(x1, 10));
        assertArrayEquals(new float[] {-0.28050971031188965f, 1.552354335784912f}, Arrays.copyOfRange(x1, 198, 200));
        assertArrayEquals(new float[] {0.014638358727097511f, 0.20306958258152008f}, weight);
        assertArrayEquals(new float[] {0.25508731603622437f}, bias);

        float[] expected = readFloats("seed_x0_x1.txt");
        assertEquals(400, expected.length);
        assertArrayEquals(Arrays.copyOf(expected, 200), x0);
        assertArrayEquals(Arrays.copyOfRange(expected, 200, 400), x1);
    }

    @Test
    void reseedingReproducesTheSequence() {
        Generator g = new Generator(3);
        float[] first = randn(g, 37);
        int next = g.random();
        g.manualSeed(3);
        assertArrayEquals(first, randn(g, 37));
        assertEquals(next, g.random());
    }

    @Test
    void manualSeedClearsTheCachedNormal() {
        Generator g = new Generator(0);
        float a = randn(g, 1)[0];
        float cached = randn(g, 1)[0];
        assertClose(1.5409961f, a);
        assertClose(-0.2934289f, cached);

        g = new Generator(0);
        randn(g, 1);
        g.manualSeed(0);
        assertEquals(a, randn(g, 1)[0]);
    }

    @Test
    void batchedNormalLeavesTheScalarCacheAlone() {
        Generator g = new Generator(0);
        randn(g, 1);
        randn(g, 16);
        assertClose(-0.2934289f, randn(g, 1)[0]);
    }

    @Test
    void float64Uniform() {
        // Derived with numpy.random.RandomState(0) (the same init_genrand MT19937) in Python:
        // x = (((hi << 32) | lo) & (2**53 - 1)) / 2**53 from two consecutive draws, then
        // fma(x, to - from, from) evaluated exactly with fractions.Fraction and rounded once.
        Generator g = new Generator(0);
        double[] out = new double[2];
        g.uniform(out, 0, 2, 0.0, 1.0);
        assertEquals(0.9700530018065531, out[0]);
        assertEquals(0.707819864399788, out[1]);

        double bound = 1 / Math.sqrt(3);
        g.manualSeed(0);
        g.uniform(out, 0, 1, -bound, bound);
        assertEquals(0.5427704542528102, out[0]);
    }

    @Test
    void float64Normal() {
        // Derived as above, with Python's math.log/sin/cos (glibc, as PyTorch on Linux):
        // scalar path: u1, u2 from the float64 uniform, r = sqrt(-2 log(1 - u2)), theta = 2 pi u1,
        // r cos(theta) returned and r sin(theta) cached for the next sample. Its float casts are the
        // published randn(1, 7) values, which confirms the scalar path runs in double.
        Generator g = new Generator(0);
        double[] small = new double[3];
        g.normal(small, 0, 3, 0.0, 1.0);
        assertCloseDouble(1.5409961082440433, small[0]);
        assertCloseDouble(-0.2934289057609464, small[1]);
        assertCloseDouble(-2.1787893820745574, small[2]);
        assertCloseDouble(0.5684312772806678, g.normal(0.0, 1.0));

        // Batched path on 17 elements, mean 0.5, std 2: fill with 17 uniforms, transform block [0, 16)
        // pairing j with j + 8, then redraw slots [1, 17) and transform them again, so slot 0 keeps the
        // first block's value and slots 8 and 16 are the pair (cos, sin) of the redrawn block.
        g.manualSeed(0);
        double[] big = new double[17];
        g.normal(big, 0, 17, 0.5, 2.0);
        assertCloseDouble(-4.120823600468352, big[0]);
        assertCloseDouble(0.9774361163363412, big[8]);
        assertCloseDouble(1.8497150871880077, big[16]);
    }

    @Test
    void respectsOffsetAndLength() {
        float[] whole = randn(new Generator(5), 20);
        float[] padded = new float[24];
        new Generator(5).normal(padded, 2, 20, 0.0, 1.0);
        assertArrayEquals(whole, Arrays.copyOfRange(padded, 2, 22));
        assertEquals(0f, padded[0]);
        assertEquals(0f, padded[23]);
    }

    @Test
    void rejectsInvalidArguments() {
        Generator g = new Generator(0);
        float[] out = new float[4];
        assertThrows(IllegalArgumentException.class, () -> g.uniform(out, 0, 4, 1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(out, 0, 4, -1e39, 0.0));
        assertThrows(IllegalArgumentException.class, () -> g.normal(out, 0, 4, 0.0, -1.0));
        assertThrows(IndexOutOfBoundsException.class, () -> g.normal(out, 2, 4, 0.0, 1.0));
    }

    @Test
    void uniformStaysInRange() {
        Generator g = new Generator(9);
        float[] out = new float[10_000];
        g.uniform(out, 0, out.length, -0.5, 0.25);
        for (float v : out) {
            assertTrue(v >= -0.5f && v < 0.25f, () -> "out of range: " + v);
        }
    }

    /** torch.normal(mean * ones(100, 2), 1) + 1: normal_(0, 1) on 200 floats, then add_(mean), add_(1). */
    private static float[] normalAround(Generator g, float mean) {
        float[] out = randn(g, 200);
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] + mean + 1f;
        }
        return out;
    }

    /** nn.Linear(fanIn, 1).reset_parameters(): kaiming_uniform_(a=sqrt(5)) on the weight, then the bias. */
    private static void linearInit(Generator g, int fanIn, float[] weight, float[] bias) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        double bound = Math.sqrt(3.0) * (gain / Math.sqrt(fanIn));
        g.uniform(weight, 0, weight.length, -bound, bound);
        double biasBound = 1 / Math.sqrt(fanIn);
        g.uniform(bias, 0, bias.length, -biasBound, biasBound);
    }

    private static float[] readFloats(String resource) throws IOException {
        try (InputStream in = GeneratorTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\R");
            float[] values = new float[lines.length];
            for (int i = 0; i < lines.length; i++) {
                values[i] = Float.parseFloat(lines[i]);
            }
            return values;
        }
    }
}
