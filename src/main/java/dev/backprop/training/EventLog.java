package dev.backprop.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * A job's events in id order, kept as their {@code text/event-stream} bytes: each event is rendered once,
 * when the job logs it, into segments from which every subscriber's writes are cut, so a batch of events
 * goes to a subscriber as one write of bytes already in place, however many subscribers there are.
 *
 * <p>Ids are given at {@link #append} and only increase. Each event carries a tag (its owner's to define)
 * by which {@link #retain} later drops events: the ids of the events that stay do not change, so a reader
 * resumes after any id, kept or dropped, at the first event with a greater id.
 *
 * <p>A log may defer its events' publication: readers then see only the events up to the id last passed to
 * {@link #publish} (the job service publishes an event once it is durable), and the log counts as closed only
 * once its terminal event is published.
 *
 * <p>One writer (the job) appends and retains; readers take what is there without locking, so no reader can
 * ever hold the job up. A reader works on one {@link Table}, which the writer only extends past its published
 * size; growing or retaining builds new arrays and publishes them in one volatile write, so a reader in the
 * middle of a write keeps a consistent snapshot. Readers park in {@link #await} until an {@link EventTicker}
 * finds events for them or the log closes.
 */
final class EventLog {
    private static final int FIRST_SEGMENT = 4 << 10;
    static final int LARGEST_SEGMENT = 1 << 20;
    /** Bytes of index per event: its segment, end, tag (ints) and id (a long). */
    private static final int INDEX_BYTES = 4 + 4 + 4 + 8;

    /**
     * Event i is bytes [start, endOf[i]) of segments[segmentOf[i]], where start is the previous event's end if
     * it shares the segment and 0 otherwise. The writer fills an entry in before it publishes it by writing
     * size; readers read size first. Entries below size never change.
     */
    private static final class Table {
        final byte[][] segments;
        final int[] segmentOf;
        final int[] endOf;
        final int[] tags;
        final long[] ids;
        volatile int size;

        Table(byte[][] segments, int entries) {
            this.segments = segments;
            segmentOf = new int[entries];
            endOf = new int[entries];
            tags = new int[entries];
            ids = new long[entries];
        }

        /** The index of the first event with an id above {@code id} ({@code n} if none). */
        int firstAfter(long id, int n) {
            int at = Arrays.binarySearch(ids, 0, n, id);
            return at >= 0 ? at + 1 : -at - 1;
        }
    }

    private final int largestSegment;
    private volatile Table table = new Table(new byte[4][], 64);
    private volatile long lastId;
    /** Readers see the events up to this id. */
    private volatile long published;
    /** How many times {@link #retain} has dropped events: a copy of the log written elsewhere is stale when it changes. */
    private volatile int generation;
    private volatile boolean closed;
    private volatile boolean hungUp;
    // The writer's own state: segments in use, bytes filled in the last one, bytes held.
    private int segmentCount;
    private int filled;
    private long footprint = footprintOf(table);
    /** Parked readers and the last id each has taken. */
    private final ConcurrentHashMap<Thread, Long> waiting = new ConcurrentHashMap<>();

    EventLog() {
        this(LARGEST_SEGMENT, false);
    }

    /**
     * A log whose segments grow (doubling from 4 KiB) to {@code largestSegment} bytes at most; when
     * {@code deferred}, readers see events only once they are {@link #publish published}.
     */
    EventLog(int largestSegment, boolean deferred) {
        this.largestSegment = Math.max(FIRST_SEGMENT, largestSegment);
        this.published = deferred ? 0 : Long.MAX_VALUE;
    }

    /** Appends an event with the next id and answers that id. */
    synchronized long append(String name, String data, int tag) {
        long id = lastId + 1;
        put(id, render(id, name, data), tag);
        return id;
    }

    /** Appends an event as it was rendered before, {@code frame} being its exact bytes and {@code id} above every id here. */
    synchronized void appendRendered(long id, byte[] frame, int tag) {
        if (id <= lastId) {
            throw new IllegalArgumentException("event " + id + " does not follow event " + lastId);
        }
        put(id, frame, tag);
    }

    private void put(long id, byte[] bytes, int tag) {
        Table t = roomFor(bytes.length);
        int i = t.size;
        byte[] segment = t.segments[segmentCount - 1];
        System.arraycopy(bytes, 0, segment, filled, bytes.length);
        filled += bytes.length;
        t.segmentOf[i] = segmentCount - 1;
        t.endOf[i] = filled;
        t.tags[i] = tag;
        t.ids[i] = id;
        t.size = i + 1;
        lastId = id;
    }

    private static byte[] render(long id, String name, String data) {
        return ("id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes an event would take at most (its id counted as 19 digits). */
    static int sizeOf(String name, String data) {
        int bytes = 19 + "id: \nevent: \ndata: \n\n".length();
        for (String s : new String[] {name, data}) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        return bytes;
    }

    /**
     * The table to append an event of {@code length} bytes to, with a free entry and a last segment that has
     * room for it: the current one, or a copy with larger arrays, published before it is returned.
     */
    private Table roomFor(int length) {
        Table t = table;
        boolean newSegment = segmentCount == 0 || t.segments[segmentCount - 1].length - filled < length;
        int entries = t.ids.length, segments = t.segments.length;
        if (t.size == entries || (newSegment && segmentCount == segments)) {
            t = copy(t, t.size == entries ? 2 * entries : entries, newSegment && segmentCount == segments ? 2 * segments : segments);
        }
        if (newSegment) {
            byte[] segment = new byte[nextSegment(length)];
            t.segments[segmentCount++] = segment;
            filled = 0;
        }
        footprint = footprintOf(t);
        return t;
    }

    private int nextSegment(int length) {
        int doubled = segmentCount == 0 ? 0 : Math.min(largestSegment, 2 * table.segments[segmentCount - 1].length);
        return Math.max(Math.max(FIRST_SEGMENT, doubled), length);
    }

    private Table copy(Table t, int entries, int segments) {
        int n = t.size;
        Table bigger = new Table(Arrays.copyOf(t.segments, segments), entries);
        System.arraycopy(t.segmentOf, 0, bigger.segmentOf, 0, n);
        System.arraycopy(t.endOf, 0, bigger.endOf, 0, n);
        System.arraycopy(t.tags, 0, bigger.tags, 0, n);
        System.arraycopy(t.ids, 0, bigger.ids, 0, n);
        bigger.size = n;
        table = bigger;
        return bigger;
    }

    /**
     * Keeps only the events whose tag {@code keep} accepts, packed into one segment of their exact size, and
     * publishes them at once. Ids do not change.
     */
    synchronized void retain(IntPredicate keep) {
        Table t = table;
        int n = t.size, kept = 0, bytes = 0;
        for (int i = 0; i < n; i++) {
            if (keep.test(t.tags[i])) {
                kept++;
                bytes += length(t, i);
            }
        }
        Table packed = new Table(new byte[4][], Math.max(64, Integer.highestOneBit(kept) * 2));
        byte[] segment = new byte[bytes];
        int at = 0, j = 0;
        for (int i = 0; i < n; i++) {
            if (keep.test(t.tags[i])) {
                int length = length(t, i);
                System.arraycopy(t.segments[t.segmentOf[i]], t.endOf[i] - length, segment, at, length);
                at += length;
                packed.endOf[j] = at;
                packed.tags[j] = t.tags[i];
                packed.ids[j++] = t.ids[i];
            }
        }
        packed.segments[0] = segment;
        packed.size = kept;
        segmentCount = 1;
        filled = bytes;
        footprint = footprintOf(packed);
        table = packed;
        if (kept < n) generation++;
    }

    private static int length(Table t, int i) {
        int start = i > 0 && t.segmentOf[i - 1] == t.segmentOf[i] ? t.endOf[i - 1] : 0;
        return t.endOf[i] - start;
    }

    private static long footprintOf(Table t) {
        long bytes = (long) t.ids.length * INDEX_BYTES + 8L * t.segments.length;
        for (byte[] s : t.segments) {
            if (s != null) bytes += s.length;
        }
        return bytes;
    }

    /** Bytes the log holds: its segments and its index, with their free room. */
    long footprint() {
        return footprint;
    }

    /** What {@link #footprint} would be after appending an event of {@code length} bytes. */
    long footprintWith(int length) {
        Table t = table;
        long more = 0;
        if (t.size == t.ids.length) {
            more += (long) t.ids.length * INDEX_BYTES;
        }
        if (segmentCount == 0 || t.segments[segmentCount - 1].length - filled < length) {
            more += nextSegment(length) + (segmentCount == t.segments.length ? 8L * t.segments.length : 0);
        }
        return footprint + more;
    }

    /**
     * Writes the events with ids above {@code lastId} that the log holds now to {@code out}, one write per
     * segment they span, and returns the id of the last event written ({@code lastId} if there was none).
     */
    long writeAfter(long lastId, OutputStream out) throws IOException {
        Table t = table;
        int n = visibleSize(t);
        int i = t.firstAfter(lastId, n);
        if (i == n) {
            return lastId;
        }
        while (i < n) {
            int s = t.segmentOf[i];
            int from = i > 0 && t.segmentOf[i - 1] == s ? t.endOf[i - 1] : 0;
            int last = i;
            while (last + 1 < n && t.segmentOf[last + 1] == s) last++;
            out.write(t.segments[s], from, t.endOf[last] - from);
            i = last + 1;
        }
        return t.ids[n - 1];
    }

    /** How many of the table's events readers may see. */
    private int visibleSize(Table t) {
        int n = t.size;
        long through = published;
        return through >= lastId ? n : t.firstAfter(through, n);
    }

    /**
     * The events with ids in ({@code afterId}, {@code throughId}] that the log holds now, as the bytes a stream
     * sends, or null if it holds none.
     */
    synchronized Frames framesBetween(long afterId, long throughId) {
        Table t = table;
        int n = t.size;
        int from = t.firstAfter(afterId, n), to = t.firstAfter(throughId, n);
        if (from >= to) return null;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            int length = length(t, i);
            out.write(t.segments[t.segmentOf[i]], t.endOf[i] - length, length);
        }
        return new Frames(t.ids[from], t.ids[to - 1], out.toByteArray());
    }

    /** Events {@code firstId}..{@code lastId} (some ids between may be missing) as the bytes a stream sends. */
    record Frames(long firstId, long lastId, byte[] bytes) {}

    /** Lets readers see the events up to {@code throughId}. */
    void publish(long throughId) {
        synchronized (this) {
            if (throughId <= published) return;
            published = throughId;
        }
        if (isClosed()) {
            waiting.keySet().forEach(LockSupport::unpark);
        } else {
            wakeReaders();
        }
    }

    /** Changes whenever {@link #retain} drops events. */
    int generation() {
        return generation;
    }

    /** The id of the latest event appended, published or not (0 before the first). */
    long appendedId() {
        return lastId;
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
            if (!isClosed()) {
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
        long last = lastId();
        waiting.forEach((reader, lastId) -> {
            if (lastId < last && waiting.remove(reader, lastId)) {
                LockSupport.unpark(reader);
            }
        });
    }

    /** Readers parked in {@link #await} now. */
    int waitingReaders() {
        return waiting.size();
    }

    /**
     * Ends every stream of a log that will not be completed in this process: its readers stop after the events
     * published, and resume elsewhere with Last-Event-ID.
     */
    void hangUp() {
        hungUp = true;
        close();
    }

    /** Whether readers have had all there is: the terminal event is appended and published, or the log hung up. */
    boolean isClosed() {
        return closed && (hungUp || published >= lastId);
    }

    /** The id of the latest event readers may see (0 before the first). */
    long lastId() {
        if (published >= lastId) return lastId;
        Table t = table;
        int n = visibleSize(t);
        return n == 0 ? 0 : t.ids[n - 1];
    }

    /** Events held now. */
    int size() {
        return table.size;
    }
}
