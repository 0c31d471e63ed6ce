package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Broadcasting over random shape pairs from a seeded generator: the result's shape and every element
 * against a direct index computation, the gradients summed back to each operand's shape, and PyTorch's
 * message for incompatible pairs.
 */
class BroadcastingPropertyTest {

    @RepeatedTest(300)
    void compatibleShapesBroadcastAndGradientsSumBack(RepetitionInfo rep) {
        Random r = new Random(rep.getCurrentRepetition());
        int rank = r.nextInt(5);
        int[] full = new int[rank];
        for (int i = 0; i < rank; i++) full[i] = 1 + r.nextInt(4);
        int[] a = derive(full, r), b = derive(full, r);
        int[] expected = expectedShape(a, b);

        Tensor x = random(a, r).requiresGrad_(true);
        Tensor y = random(b, r).requiresGrad_(true);
        Tensor z = x.mul(y);
        assertThat(z.shape()).isEqualTo(expected);
        int[] idx = new int[expected.length];
        for (int i = 0; i < z.numel(); i++) {
            unravel(i, expected, idx);
            double want = (double) (float) (at(x, idx) * at(y, idx));
            assertThat(z.getDouble(i)).isEqualTo(want);
        }

        z.sum().backward();
        assertThat(x.grad().shape()).isEqualTo(a);
        assertThat(y.grad().shape()).isEqualTo(b);
        double sumY = 0, sumX = 0;
        for (int i = 0; i < z.numel(); i++) {
            unravel(i, expected, idx);
            sumY += at(y, idx);
            sumX += at(x, idx);
        }
        assertThat(x.grad().sum().item()).isCloseTo(sumY, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(y.grad().sum().item()).isCloseTo(sumX, org.assertj.core.data.Offset.offset(1e-4));
    }

    @RepeatedTest(100)
    void incompatibleShapesFailWithPyTorchsMessage(RepetitionInfo rep) {
        Random r = new Random(1000 + rep.getCurrentRepetition());
        int rank = 1 + r.nextInt(4);
        int[] a = new int[rank];
        for (int i = 0; i < rank; i++) a[i] = 1 + r.nextInt(3);
        int[] b = a.clone();
        int dim = r.nextInt(rank);
        a[dim] = 2 + r.nextInt(3);
        b[dim] = a[dim] + 1 + r.nextInt(2);
        Tensor x = random(a, r), y = random(b, r);
        assertThatThrownBy(() -> x.add(y))
                .isInstanceOf(EngineException.class)
                .hasMessage("The size of tensor a (" + a[dim] + ") must match the size of tensor b (" + b[dim]
                        + ") at non-singleton dimension " + dim);
    }

    @RepeatedTest(50)
    void promotionFollowsResultType(RepetitionInfo rep) {
        Random r = new Random(2000 + rep.getCurrentRepetition());
        DType[] types = DType.values();
        DType ta = types[r.nextInt(types.length)], tb = types[r.nextInt(types.length)];
        Tensor a = Factories.ones(new int[] {2}, ta), b = Factories.ones(new int[] {2}, tb);
        Tensor zeroD = Factories.ones(new int[0], tb);
        DType sum = a.add(b).dtype();
        if (ta == DType.BOOL && tb == DType.BOOL) {
            assertThat(sum).isEqualTo(DType.BOOL);
        } else {
            assertThat(sum).isEqualTo(DType.promote(ta, tb));
        }
        assertThat(a.ge(b).dtype()).isEqualTo(DType.BOOL);
        boolean sameCategory = ta.isFloating() == tb.isFloating() && (ta == DType.BOOL) == (tb == DType.BOOL);
        if (sameCategory && ta != DType.BOOL) {
            assertThat(a.add(zeroD).dtype()).as("a 0-d operand of the same category does not promote").isEqualTo(ta);
        }
    }

    private static int[] derive(int[] full, Random r) {
        int drop = full.length == 0 ? 0 : r.nextInt(full.length + 1);
        int[] s = java.util.Arrays.copyOfRange(full, drop, full.length);
        for (int i = 0; i < s.length; i++) if (r.nextInt(3) == 0) s[i] = 1;
        return s;
    }

    private static int[] expectedShape(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int ia = i - (n - a.length), ib = i - (n - b.length);
            out[i] = Math.max(ia >= 0 ? a[ia] : 1, ib >= 0 ? b[ib] : 1);
        }
        return out;
    }

    private static Tensor random(int[] shape, Random r) {
        float[] d = new float[Shapes.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (r.nextGaussian());
        return Tensor.of(d, shape);
    }

    private static void unravel(int i, int[] shape, int[] idx) {
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = i % shape[d];
            i /= shape[d];
        }
    }

    /** The element of {@code t} that broadcasting pairs with index {@code idx} of the result. */
    private static double at(Tensor t, int[] idx) {
        int off = idx.length - t.dim();
        int flat = 0;
        for (int d = 0; d < t.dim(); d++) flat = flat * t.shape[d] + (t.shape[d] == 1 ? 0 : idx[d + off]);
        return t.getDouble(flat);
    }

}
