package dev.backprop.training;

import dev.backprop.engine.train.TrainingMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A job's logged iterations in order, thinned by {@link #retain} as its {@link JobJournal} decides. One writer
 * appends and retains; readers take a snapshot without locking: the writer only extends a published array
 * past its size, and replaces the array in one volatile write when it grows or is thinned.
 */
final class MetricsHistory {
    private static final class Table {
        final TrainingMetrics[] items;
        volatile int size;

        Table(TrainingMetrics[] items, int size) {
            this.items = items;
            this.size = size;
        }
    }

    private volatile Table table = new Table(new TrainingMetrics[16], 0);
    private long entryBytes;

    /** Heap bytes of one entry: the record (48) and its weights array. */
    static long bytesOf(TrainingMetrics m) {
        return 48 + ((16 + 4L * m.weights().length + 7) & ~7);
    }

    synchronized void append(TrainingMetrics m) {
        Table t = table;
        int n = t.size;
        if (n == t.items.length) {
            t = new Table(Arrays.copyOf(t.items, 2 * n), n);
            table = t;
        }
        t.items[n] = m;
        t.size = n + 1;
        entryBytes += bytesOf(m);
    }

    /** Keeps only the entries {@code keep} accepts, published at once. */
    synchronized void retain(Predicate<TrainingMetrics> keep) {
        Table t = table;
        int n = t.size, kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep.test(t.items[i])) kept++;
        }
        TrainingMetrics[] items = new TrainingMetrics[Math.max(16, Integer.highestOneBit(Math.max(1, kept)) * 2)];
        long bytes = 0;
        for (int i = 0, j = 0; i < n; i++) {
            if (keep.test(t.items[i])) {
                items[j++] = t.items[i];
                bytes += bytesOf(t.items[i]);
            }
        }
        entryBytes = bytes;
        table = new Table(items, kept);
    }

    /** Bytes held: the entries and the array of them. */
    long footprint() {
        return entryBytes + 16 + 4L * table.items.length;
    }

    /** What {@link #footprint} would be after appending {@code m}. */
    long footprintWith(TrainingMetrics m) {
        Table t = table;
        return footprint() + bytesOf(m) + (t.size == t.items.length ? 4L * t.items.length : 0);
    }

    /** The entries now, in order. */
    List<TrainingMetrics> snapshot() {
        Table t = table;
        return List.of(Arrays.copyOf(t.items, t.size));
    }

    /** The entry of {@code iteration}, or null if it was not logged or was thinned out. */
    TrainingMetrics at(int iteration) {
        Table t = table;
        int lo = 0, hi = t.size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int it = t.items[mid].iteration();
            if (it == iteration) return t.items[mid];
            if (it < iteration) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    int size() {
        return table.size;
    }
}
