package dev.backprop.engine.train;

import dev.backprop.engine.optim.OptimizerState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The binary form of a {@link TrainingCheckpoint}, big-endian, every float and double as its raw bits so
 * that NaN payloads and -0.0 survive:
 * <pre>
 * int magic 'BPCK', byte version (1)
 * int nextIteration, long elapsedNanos, double loss, double accuracy
 * floats weights, float bias
 * byte optimizer (1 SGD, 2 Adam or AdamW, 3 RMSprop, 4 Adagrad), int parameters, then per parameter:
 *   SGD:     floats? momentum_buffer
 *   Adam:    float step, floats? exp_avg, floats? exp_avg_sq, floats? max_exp_avg_sq
 *   RMSprop: floats? square_avg, floats? momentum_buffer, floats? grad_avg
 *   Adagrad: float step, floats? sum
 * </pre>
 * where {@code floats} is an int count and the values, and {@code floats?} has count -1 for an absent entry.
 * The seed job's checkpoint (2 features, SGD with momentum) takes 74 bytes.
 */
final class CheckpointFormat {
    static final int MAGIC = 0x4250434B;
    static final byte VERSION = 1;
    private static final byte SGD = 1;
    private static final byte ADAM = 2;
    private static final byte RMSPROP = 3;
    private static final byte ADAGRAD = 4;

    private CheckpointFormat() {}

    static byte[] write(TrainingCheckpoint c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(c.nextIteration());
            out.writeLong(c.elapsedNanos());
            out.writeLong(Double.doubleToRawLongBits(c.loss()));
            out.writeLong(Double.doubleToRawLongBits(c.accuracy()));
            writeFloats(out, c.weights());
            out.writeInt(Float.floatToRawIntBits(c.bias()));
            switch (c.optimizer()) {
                case OptimizerState.SgdState sgd -> {
                    out.writeByte(SGD);
                    out.writeInt(sgd.parameters());
                    for (float[] buffer : sgd.momentumBuffers()) {
                        writeFloats(out, buffer);
                    }
                }
                case OptimizerState.AdamState adam -> {
                    out.writeByte(ADAM);
                    out.writeInt(adam.parameters());
                    for (int i = 0; i < adam.parameters(); i++) {
                        out.writeInt(Float.floatToRawIntBits(adam.steps()[i]));
                        writeFloats(out, adam.expAvgs()[i]);
                        writeFloats(out, adam.expAvgSqs()[i]);
                        writeFloats(out, adam.maxExpAvgSqs()[i]);
                    }
                }
                case OptimizerState.RmspropState rmsprop -> {
                    out.writeByte(RMSPROP);
                    out.writeInt(rmsprop.parameters());
                    for (int i = 0; i < rmsprop.parameters(); i++) {
                        writeFloats(out, rmsprop.squareAvgs()[i]);
                        writeFloats(out, rmsprop.momentumBuffers()[i]);
                        writeFloats(out, rmsprop.gradAvgs()[i]);
                    }
                }
                case OptimizerState.AdagradState adagrad -> {
                    out.writeByte(ADAGRAD);
                    out.writeInt(adagrad.parameters());
                    for (int i = 0; i < adagrad.parameters(); i++) {
                        out.writeInt(Float.floatToRawIntBits(adagrad.steps()[i]));
                        writeFloats(out, adagrad.sums()[i]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TrainingCheckpoint read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (bytes.length < 5 || in.readInt() != MAGIC) {
                throw malformed("they do not start with the checkpoint header");
            }
            byte version = in.readByte();
            if (version != VERSION) {
                throw malformed("they are of format version " + version + ", but this engine reads version " + VERSION);
            }
            int nextIteration = in.readInt();
            long elapsedNanos = in.readLong();
            double loss = Double.longBitsToDouble(in.readLong());
            double accuracy = Double.longBitsToDouble(in.readLong());
            float[] weights = readFloats(in);
            if (weights == null) {
                throw malformed("they hold no weights");
            }
            float bias = Float.intBitsToFloat(in.readInt());
            OptimizerState optimizer = readOptimizer(in);
            if (in.available() > 0) {
                throw malformed("they have " + in.available() + " bytes after the checkpoint");
            }
            try {
                return new TrainingCheckpoint(nextIteration, weights, bias, optimizer, elapsedNanos, loss, accuracy);
            } catch (IllegalArgumentException e) {
                throw malformed(e.getMessage());
            }
        } catch (EOFException e) {
            throw malformed("they end in the middle of the checkpoint");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptimizerState readOptimizer(DataInputStream in) throws IOException {
        byte type = in.readByte();
        // The fewest bytes a parameter's entry takes: 4 for each step and for each absent buffer.
        int n = switch (type) {
            case SGD -> count(in, 4);
            case ADAM -> count(in, 16);
            case RMSPROP -> count(in, 12);
            case ADAGRAD -> count(in, 8);
            default -> throw malformed("they name an unknown optimizer (" + type + ")");
        };
        if (type == SGD) {
            return new OptimizerState.SgdState(readEntries(in, n));
        }
        if (type == RMSPROP) {
            float[][] squareAvgs = new float[n][], momentumBuffers = new float[n][], gradAvgs = new float[n][];
            for (int i = 0; i < n; i++) {
                squareAvgs[i] = readFloats(in);
                momentumBuffers[i] = readFloats(in);
                gradAvgs[i] = readFloats(in);
            }
            return new OptimizerState.RmspropState(squareAvgs, momentumBuffers, gradAvgs);
        }
        if (type == ADAGRAD) {
            float[] steps = new float[n];
            float[][] sums = new float[n][];
            for (int i = 0; i < n; i++) {
                steps[i] = Float.intBitsToFloat(in.readInt());
                sums[i] = readFloats(in);
            }
            return new OptimizerState.AdagradState(steps, sums);
        }
        float[] steps = new float[n];
        float[][] expAvgs = new float[n][], expAvgSqs = new float[n][], maxExpAvgSqs = new float[n][];
        for (int i = 0; i < n; i++) {
            steps[i] = Float.intBitsToFloat(in.readInt());
            expAvgs[i] = readFloats(in);
            expAvgSqs[i] = readFloats(in);
            maxExpAvgSqs[i] = readFloats(in);
        }
        return new OptimizerState.AdamState(steps, expAvgs, expAvgSqs, maxExpAvgSqs);
    }

    private static float[][] readEntries(DataInputStream in, int n) throws IOException {
        float[][] entries = new float[n][];
        for (int i = 0; i < n; i++) {
            entries[i] = readFloats(in);
        }
        return entries;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        if (values == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(values.length);
        for (float v : values) {
            out.writeInt(Float.floatToRawIntBits(v));
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        float[] values = new float[count(length, in, 4)];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(in.readInt());
        }
        return values;
    }

    private static int count(DataInputStream in, int bytesEach) throws IOException {
        return count(in.readInt(), in, bytesEach);
    }

    /** A count read from the bytes, refused when negative or larger than the bytes left could hold. */
    private static int count(int n, DataInputStream in, int bytesEach) throws IOException {
        if (n < 0 || n > in.available() / bytesEach) {
            throw malformed("they hold a count of " + n + " that does not fit the " + in.available() + " bytes left");
        }
        return n;
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("not a training checkpoint: " + why);
    }
}
