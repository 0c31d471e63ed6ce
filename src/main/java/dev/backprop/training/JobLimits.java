package dev.backprop.training;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The job service's sizes, configurable under {@code backprop.jobs}.
 *
 * @param concurrency      jobs training at once (0: the number of cores)
 * @param queueLength      jobs waiting for a slot; a full queue answers 429 with Retry-After
 * @param subscriberBuffer events that may arrive while a write to a subscriber is pending before it is
 *                         disconnected (it can resume with Last-Event-ID)
 * @param keepFinished     finished jobs kept with their events
 * @param keepFor          how long a finished job is kept
 * @param maxSamples       samples in one job's data
 * @param maxFeatures      features per sample
 * @param maxElements      samples × features
 * @param maxIterations    iterations of one job
 * @param heartbeat        idle time after which a stream carries a heartbeat comment
 * @param streamInterval   the shortest time between two writes to one stream; the events that arrived
 *                         meanwhile go out together
 * @param maxStreams       event streams open at once over the whole service (429 above)
 * @param maxStreamsPerClient event streams one client (remote address) may hold open (429 above)
 * @param streamWriteBudget writes a second to all streams together: with more streams open than the
 *                         interval allows, each stream's time between writes grows to streams / budget
 * @param maxLogBytes      bytes one job's event log and metrics history may hold together; past it the
 *                         metrics in both are thinned (status events are always kept)
 * @param maxPoints        rows of a job's data kept for {@code /points} and the plot, chosen evenly
 */
@ConfigurationProperties(prefix = "backprop.jobs", ignoreUnknownFields = false)
public record JobLimits(
        @DefaultValue("0") int concurrency,
        @DefaultValue("16") int queueLength,
        @DefaultValue("1024") int subscriberBuffer,
        @DefaultValue("100") int keepFinished,
        @DefaultValue("1h") Duration keepFor,
        @DefaultValue("2000000") int maxSamples,
        @DefaultValue("1024") int maxFeatures,
        @DefaultValue("64000000") long maxElements,
        @DefaultValue("1000000") int maxIterations,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("50ms") Duration streamInterval,
        @DefaultValue("2000") int streamWriteBudget,
        @DefaultValue("4MB") DataSize maxLogBytes,
        @DefaultValue("2000") int maxPoints,
        @DefaultValue("1000") int maxStreams,
        @DefaultValue("100") int maxStreamsPerClient) {

    public JobLimits {
        if (maxLogBytes.toBytes() < 64 << 10) {
            throw new IllegalArgumentException("backprop.jobs.max-log-bytes must be at least 64KB, got " + maxLogBytes);
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("backprop.jobs.max-points must be at least 1, got " + maxPoints);
        }
    }

    int threads() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }
}
