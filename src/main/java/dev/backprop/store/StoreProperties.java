package dev.backprop.store;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where jobs are kept, under {@code backprop.store}.
 *
 * @param type              {@code embedded} (a PostgreSQL the service runs itself, its files under {@code path}; the
 *                          default), {@code external} (the server of {@code spring.datasource.url}) or {@code memory}
 *                          (jobs live and die with the process)
 * @param path              the embedded database's folder
 * @param writeInterval     how often running jobs' events and checkpoints are written: the most training a crash loses
 *                          is about twice this, and streams see events up to this much later than in memory
 * @param poolSize          connections to the embedded database
 * @param connectionTimeout how long a call waits for a connection to the embedded database before it answers 503
 * @param leaseTimeout      how long after its process last renewed the lease of an unfinished job another process
 *                          sharing the database takes the job over (an embedded store has one process: at start-up it
 *                          goes on with every unfinished job at once)
 * @param keepFinished      finished jobs the store keeps per tenant (its newest), with their events, points and results;
 *                          {@code backprop.jobs.keep-finished} is how many of them each replica also holds in memory
 * @param keepFor           how long the store keeps a finished job
 */
@ConfigurationProperties(prefix = "backprop.store", ignoreUnknownFields = false)
public record StoreProperties(@DefaultValue("embedded") Type type, @DefaultValue("./data") Path path,
                              @DefaultValue("250ms") Duration writeInterval, @DefaultValue("4") int poolSize,
                              @DefaultValue("2s") Duration connectionTimeout, @DefaultValue("10s") Duration leaseTimeout,
                              @DefaultValue("1000") int keepFinished, @DefaultValue("7d") Duration keepFor) {
    public enum Type { MEMORY, EMBEDDED, EXTERNAL }

    public StoreProperties {
        if (writeInterval.isNegative() || writeInterval.isZero()) {
            throw new IllegalArgumentException("backprop.store.write-interval must be positive, got " + writeInterval);
        }
        if (leaseTimeout.compareTo(writeInterval.multipliedBy(4)) < 0) {
            throw new IllegalArgumentException("backprop.store.lease-timeout (" + leaseTimeout + ") must be at least four times "
                    + "backprop.store.write-interval (" + writeInterval + "), which renews the leases");
        }
    }
}
