package dev.backprop.session;

import java.time.Instant;
import java.util.Comparator;

/**
 * A place in a newest-first listing: an item's creation time and id. Ids break ties between items created at the
 * same instant, so the order is total and a cursor names one gap between two items.
 */
public record Cursor(Instant createdAt, String id) {
    /** Newest first; of items created at the same instant, the greater id first. */
    public static final Comparator<Cursor> NEWEST_FIRST = Comparator.comparing(Cursor::createdAt).thenComparing(Cursor::id).reversed();

    /** Whether {@code other} comes strictly after this place in newest-first order. */
    boolean precedes(Cursor other) {
        return NEWEST_FIRST.compare(this, other) < 0;
    }
}
