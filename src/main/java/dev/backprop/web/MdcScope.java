package dev.backprop.web;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;

/** Logging MDC entries for a stretch of work, removed at its end; an entry the MDC already holds is left as it is. */
final class MdcScope implements AutoCloseable {
    private final List<String> added = new ArrayList<>(3);

    /** Adds the entry unless the value is null or the MDC already has the key. */
    MdcScope put(String key, String value) {
        if (value != null && MDC.get(key) == null) {
            MDC.put(key, value);
            added.add(key);
        }
        return this;
    }

    @Override
    public void close() {
        added.forEach(MDC::remove);
    }
}
