package dev.backprop.session;

import java.time.Instant;

/**
 * What one page of a newest-first listing asks for: at most {@code size} items, those strictly after {@code after}
 * (from the newest when null), created strictly after {@code createdAfter} and strictly before {@code createdBefore}
 * (either bound open when null).
 */
public record PageQuery(int size, Cursor after, Instant createdAfter, Instant createdBefore) {
    public PageQuery {
        if (size < 1) throw new IllegalArgumentException("a page holds at least one item, not " + size);
    }

    boolean admits(Cursor item) {
        return (after == null || after.precedes(item))
                && (createdAfter == null || item.createdAt().isAfter(createdAfter))
                && (createdBefore == null || item.createdAt().isBefore(createdBefore));
    }
}
