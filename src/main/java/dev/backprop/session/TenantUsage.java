package dev.backprop.session;

import java.util.concurrent.ConcurrentHashMap;

/** How much of one measure (sessions, bytes, jobs) each tenant uses; a tenant that uses none has no entry. */
public final class TenantUsage {
    private final ConcurrentHashMap<String, Long> used = new ConcurrentHashMap<>();

    /** Adds {@code amount} to the tenant's use if that stays within {@code max}; false, adding nothing, if not. */
    public boolean tryAdd(String tenant, long amount, long max) {
        boolean[] added = {false};
        used.compute(tenant, (t, before) -> {
            long now = (before == null ? 0 : before) + amount;
            if (now > max) return before;
            added[0] = true;
            return now;
        });
        return added[0];
    }

    public void release(String tenant, long amount) {
        used.computeIfPresent(tenant, (t, before) -> before - amount <= 0 ? null : before - amount);
    }

    public long of(String tenant) {
        return used.getOrDefault(tenant, 0L);
    }
}
