package dev.backprop.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The body of one event stream's asynchronous response, closed to its writer once the request is over
 * however it ended — completed, failed, or dropped by the container when the client went away — so that the
 * writer never touches a response the container has recycled for another request. The container waits for
 * a write in progress before it ends the request, and the writer is interrupted so that it stops at once
 * rather than at its next write.
 */
final class StreamResponse extends OutputStream implements AsyncListener {
    private final OutputStream body;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean over;
    private volatile Thread writer;

    StreamResponse(OutputStream body) {
        this.body = body;
    }

    /** The thread that writes the stream, interrupted when the request ends. */
    void writtenBy(Thread thread) {
        writer = thread;
    }

    @Override
    public void write(int b) throws IOException {
        lock.lock();
        try {
            open();
            body.write(b);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            open();
            body.write(b, off, len);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            open();
            body.flush();
        } finally {
            lock.unlock();
        }
    }

    private void open() throws IOException {
        if (over) {
            throw new IOException("the event stream's request is over");
        }
    }

    private void end() {
        over = true;
        Thread w = writer;
        if (w != null && w != Thread.currentThread()) {
            w.interrupt();
        }
        lock.lock();
        lock.unlock();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        end();
    }

    @Override
    public void onError(AsyncEvent event) {
        end();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        end();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // the request is not restarted
    }
}
