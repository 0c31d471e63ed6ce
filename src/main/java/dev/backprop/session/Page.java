package dev.backprop.session;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first listing and the cursor after its last item, null when no item follows. A client that
 * walks pages by their cursors sees every item that existed when it began exactly once: items created meanwhile
 * are newer than any cursor, so they come before it, never after.
 */
public record Page<T>(List<T> items, Cursor next) {

    /** The page of {@code all} that {@code query} asks for, each item placed by {@code position}. */
    public static <T> Page<T> of(Collection<T> all, Function<T, Cursor> position, PageQuery query) {
        List<T> matching = all.stream()
                .filter(item -> query.admits(position.apply(item)))
                .sorted(Comparator.comparing(position, Cursor.NEWEST_FIRST))
                .limit(query.size() + 1L)
                .toList();
        if (matching.size() <= query.size()) return new Page<>(matching, null);
        List<T> items = matching.subList(0, query.size());
        return new Page<>(items, position.apply(items.getLast()));
    }
}
