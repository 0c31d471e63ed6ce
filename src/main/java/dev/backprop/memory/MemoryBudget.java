package dev.backprop.memory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The heap, divided: every holding a client can cause is counted in one of four shares, each a share of
 * {@link Runtime#maxMemory()} (or a fixed size), configurable under {@code backprop.memory}. What is left
 * over (at least 20%) is for the framework itself and the collector's headroom.
 *
 * @param sessions        tensors, grads, saved tensors and optimizer state of all sessions (429 above)
 * @param jobs            job data, event logs, metrics histories and kept points of all jobs (429 above)
 * @param requests        what requests in flight allocate: bodies being read, op results and temporaries
 *                        (503 with Retry-After when full)
 * @param connections     the connections' socket buffers: it sets how many connections Tomcat takes at once
 * @param readinessLimit  the share of any pool above which readiness reports the service saturated
 */
@ConfigurationProperties(prefix = "backprop.memory", ignoreUnknownFields = false)
public record MemoryBudget(
        @DefaultValue("30%") String sessions,
        @DefaultValue("10%") String jobs,
        @DefaultValue("25%") String requests,
        @DefaultValue("10%") String connections,
        @DefaultValue("0.9") double readinessLimit) {

    public MemoryBudget {
        double shares = share(sessions) + share(jobs) + share(requests) + share(connections);
        if (shares > 0.8) {
            throw new IllegalArgumentException("backprop.memory: the shares of sessions, jobs, requests and connections add up to "
                    + Math.round(shares * 100) + "% of the heap; they must leave at least 20% for the service itself");
        }
    }

    /** The heap the budget divides: the JVM's -Xmx (or its share of the container's memory). */
    public static long heap() {
        return Runtime.getRuntime().maxMemory();
    }

    public long sessionsBytes() {
        return bytes(sessions);
    }

    public long jobsBytes() {
        return bytes(jobs);
    }

    public long requestsBytes() {
        return bytes(requests);
    }

    public long connectionsBytes() {
        return bytes(connections);
    }

    /** "35%" of the heap, or a size: "512MB", "1GB", "1048576". */
    static long bytes(String size) {
        String s = size.trim();
        if (s.endsWith("%")) {
            return (long) (heap() * Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100);
        }
        return org.springframework.util.unit.DataSize.parse(s).toBytes();
    }

    private static double share(String size) {
        return (double) bytes(size) / heap();
    }
}
