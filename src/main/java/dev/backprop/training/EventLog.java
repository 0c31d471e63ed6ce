package dev.backprop.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A job's events, append-only, with ids 1, 2, 3, …, kept as their {@code text/event-stream} bytes: each
 * event is rendered once, when the job logs it, into segments from which every subscriber's writes are cut,
 * so a batch of events goes to a subscriber as one write of bytes already in place, however many
 * subscribers there are.
 *
 * <p>One writer (the job) appends; readers take what is there without locking, so no reader can ever hold
 * the job up. Readers park in {@link #await} until an {@link EventTicker} finds events for them or the log
 * closes.
 */
final class EventLog {
    private static final int FIRST_SEGMENT = 4 << 10;
    private static final int LARGEST_SEGMENT = 1 << 20;

    // Event i (id i + 1) is bytes [start, endOf[i]) of segments[segmentOf[i]], where start is the previous
    // event's end if it shares the segment and 0 otherwise. The writer fills these in before it publishes
    // the event by writing size; readers read size first. Entries below size never change.
    private volatile byte[][] segments = new byte[4][];
    private volatile int[] segmentOf = new int[64];
    private volatile int[] endOf = new int[64];
    private int segmentCount;
    private int filled;
    private volatile int size;
    private volatile boolean closed;
    /** Parked readers and the last id each has taken. */
    private final ConcurrentHashMap<Thread, Long> waiting = new ConcurrentHashMap<>();

    synchronized void append(String name, String data) {
        int i = size;
        byte[] bytes = ("id: " + (i + 1) + "\nevent: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        byte[] segment = segmentFor(bytes.length);
        System.arraycopy(bytes, 0, segment, filled, bytes.length);
        filled += bytes.length;
        if (i == segmentOf.length) {
            segmentOf = Arrays.copyOf(segmentOf, 2 * i);
            endOf = Arrays.copyOf(endOf, 2 * i);
        }
        segmentOf[i] = segmentCount - 1;
        endOf[i] = filled;
        size = i + 1;
    }

    /** The segment with room for {@code length} more bytes: the last one, or a new one twice its size. */
    private byte[] segmentFor(int length) {
        if (segmentCount > 0 && segments[segmentCount - 1].length - filled >= length) {
            return segments[segmentCount - 1];
        }
        int capacity = segmentCount == 0 ? FIRST_SEGMENT : Math.min(LARGEST_SEGMENT, 2 * segments[segmentCount - 1].length);
        byte[] fresh = new byte[Math.max(capacity, length)];
        if (segmentCount == segments.length) {
            segments = Arrays.copyOf(segments, 2 * segmentCount);
        }
        segments[segmentCount++] = fresh;
        filled = 0;
        return fresh;
    }

    /**
     * Writes the events after {@code lastId} that the log holds now to {@code out}, one write per segment
     * they span, and returns the id of the last event written ({@code lastId} if there was none).
     */
    long writeAfter(long lastId, OutputStream out) throws IOException {
        int n = size;
        if (lastId >= n) {
            return lastId;
        }
        byte[][] segs = segments;
        int[] segOf = segmentOf;
        int[] ends = endOf;
        int i = (int) Math.max(0, lastId);
        while (i < n) {
            int s = segOf[i];
            int from = i > 0 && segOf[i - 1] == s ? ends[i - 1] : 0;
            int last = i;
            while (last + 1 < n && segOf[last + 1] == s) last++;
            out.write(segs[s], from, ends[last] - from);
            i = last + 1;
        }
        return n;
    }

    /** Marks the log complete: no event follows (the last one was the terminal status). */
    void close() {
        closed = true;
        waiting.keySet().forEach(LockSupport::unpark);
    }

    /**
     * Parks the calling reader, which has taken every event up to {@code lastId}, until {@link #wakeReaders}
     * finds something after it, the log closes, or {@code nanos} pass. It may also return early; the reader
     * then simply looks again.
     */
    void await(long lastId, long nanos) throws InterruptedException {
        Thread reader = Thread.currentThread();
        waiting.put(reader, lastId);
        try {
            if (!closed) {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            waiting.remove(reader);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Wakes every parked reader that has events to take. */
    void wakeReaders() {
        int n = size;
        waiting.forEach((reader, lastId) -> {
            if (lastId < n && waiting.remove(reader, lastId)) {
                LockSupport.unpark(reader);
            }
        });
    }

    /** Readers parked in {@link #await} now. */
    int waitingReaders() {
        return waiting.size();
    }

    boolean isClosed() {
        return closed;
    }

    int size() {
        return size;
    }
}
