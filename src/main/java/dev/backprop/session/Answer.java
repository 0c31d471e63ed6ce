package dev.backprop.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a request's answer will show of the tensors it made or changed: their values or only their
 * metadata ({@code ?data=false}), and of a batch's results all, the last op's or none. The session checks
 * the answer's size against its limit before a change is kept, so a refused answer leaves nothing behind.
 */
public record Answer(boolean data, Returns returns) {
    public static final Answer FULL = new Answer(true, Returns.ALL);

    /** Which of a batch's results the answer shows. */
    public enum Returns {
        ALL, LAST, NONE;

        public static Returns parse(String value) {
            if (value == null) return ALL;
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'returns' must be \"all\", \"last\" or \"none\", got \"" + value + "\"");
            }
        }
    }

    /** The results of a batch that the answer shows, op by op. */
    public List<List<BoundTensor>> select(List<List<BoundTensor>> results) {
        return switch (returns) {
            case ALL -> results;
            case LAST -> results.isEmpty() ? results : List.of(results.getLast());
            case NONE -> List.of();
        };
    }

    /** Refuses (413) an answer that would carry more than {@code maxElements} values. */
    void check(Object result, long maxElements) {
        if (!data) return;
        List<BoundTensor> shown = new ArrayList<>();
        collect(result instanceof OpResults r ? select(r.results()) : result, shown);
        long values = 0;
        for (BoundTensor t : shown) {
            values += t.tensor().numel();
            if (t.tensor().grad() != null) values += t.tensor().grad().numel();
        }
        if (values > maxElements) {
            throw ApiException.tooLarge("answer-too-large", "the answer would carry " + values + " values, over the limit of "
                    + maxElements + "; ask for ?data=false (metadata only)"
                    + (result instanceof OpResults r && r.results().size() > 1 ? " or \"returns\": \"last\" or \"none\"" : "") + ", then read tensors one at a time");
        }
    }

    private static void collect(Object o, List<BoundTensor> into) {
        if (o instanceof BoundTensor t) into.add(t);
        else if (o instanceof List<?> list) for (Object e : list) collect(e, into);
    }

    /** A batch's results, op by op, as {@link #check} sees them. */
    record OpResults(List<List<BoundTensor>> results) {}
}
