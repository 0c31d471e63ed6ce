package dev.backprop.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request body's stream that tells {@code counter} how many bytes each read took (the counter may refuse by
 * throwing) and lets {@code failure} say what a failed read means.
 */
final class CountingInputStream extends ServletInputStream {
    /** {@code request} with its body read through a counting stream, made when the body is first asked for. */
    static HttpServletRequest wrap(HttpServletRequest request, Counter counter, Failure failure) {
        return new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) stream = new CountingInputStream(super.getInputStream(), counter, failure);
                return stream;
            }
        };
    }

    /** Sees every read's byte count. */
    @FunctionalInterface
    interface Counter {
        void count(int bytes) throws IOException;
    }

    /** The exception a failed read is reported as. */
    @FunctionalInterface
    interface Failure {
        IOException of(IOException e);
    }

    private final ServletInputStream in;
    private final Counter counter;
    private final Failure failure;

    CountingInputStream(ServletInputStream in, Counter counter, Failure failure) {
        this.in = in;
        this.counter = counter;
        this.failure = failure;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            throw failure.of(e);
        }
        if (b >= 0) counter.count(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(buf, off, len);
        } catch (IOException e) {
            throw failure.of(e);
        }
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
