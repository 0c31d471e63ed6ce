package dev.backprop.training;

import java.nio.ByteBuffer;

/**
 * Rows of float32 values with a label each, as stored bytes: a job's inline data and its sample of points.
 * Big-endian: int magic 'BPRW', int features, int rows, then rows × features values and rows labels, each as
 * its raw bits.
 */
final class RowsFormat {
    private static final int MAGIC = 0x42505257;

    /** Row-major values of {@code features} each, and their labels. */
    record Rows(float[] x, int features, float[] y) {}

    private RowsFormat() {}

    static byte[] write(float[] x, int features, float[] y) {
        ByteBuffer out = ByteBuffer.allocate(12 + 4 * (x.length + y.length));
        out.putInt(MAGIC).putInt(features).putInt(y.length);
        out.asFloatBuffer().put(x).put(y);
        return out.array();
    }

    static Rows read(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < 12 || in.getInt() != MAGIC) {
            throw new IllegalArgumentException("the stored rows are not in the rows format");
        }
        int features = in.getInt(), rows = in.getInt();
        if (features < 1 || rows < 0 || (long) rows * (features + 1) * 4 != bytes.length - 12) {
            throw new IllegalArgumentException("the stored rows hold " + (bytes.length - 12) + " bytes, not " + rows + " rows of "
                    + features + " values and a label");
        }
        float[] x = new float[rows * features], y = new float[rows];
        in.asFloatBuffer().get(x).get(y);
        return new Rows(x, features, y);
    }
}
