package dev.backprop.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** A request body's stream that tells {@code counter} how many bytes each read took; the counter may refuse by throwing. */
final class CountingInputStream extends ServletInputStream {
    /** Sees every read's byte count. */
    @FunctionalInterface
    interface Counter {
        void count(int bytes) throws IOException;
    }

    private final ServletInputStream in;
    private final Counter counter;

    CountingInputStream(ServletInputStream in, Counter counter) {
        this.in = in;
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) counter.count(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) counter.count(n);
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
