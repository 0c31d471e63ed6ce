package dev.backprop.store;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replicas sharing the database and where each is reached: this one registers its address and renews it every
 * {@code heartbeat}; an address not renewed for four heartbeats is no longer given out (its replica is gone, and
 * with it its sessions).
 */
public final class ReplicaRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicaRegistry.class);

    private record Known(URI url, long until) {}

    private final JdbcClient jdbc;
    private final String replica;
    private final URI url;
    private final Duration heartbeat;
    private final ScheduledExecutorService renewals;
    private final ConcurrentHashMap<String, Known> cache = new ConcurrentHashMap<>();

    public ReplicaRegistry(DataSource dataSource, String replica, URI url, Duration heartbeat) {
        this.jdbc = JdbcClient.create(dataSource);
        this.replica = replica;
        this.url = url;
        this.heartbeat = heartbeat;
        this.renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("replica-heartbeat").factory());
        renew();
        renewals.scheduleAtFixedRate(this::renewQuietly, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renew() {
        jdbc.sql("""
                INSERT INTO replicas (id, url, heartbeat_at) VALUES (?, ?, now())
                ON CONFLICT (id) DO UPDATE SET url = excluded.url, heartbeat_at = excluded.heartbeat_at""")
                .params(replica, url.toString()).update();
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            log.debug("the replica's address could not be renewed", e);
        }
    }

    /**
     * Where the replica {@code id} is reached, if it is alive. A replica found is remembered for one heartbeat; one not
     * found is not remembered, so that ids a client makes up cannot fill the memory.
     */
    public Optional<URI> urlOf(String id) {
        long now = System.nanoTime();
        Known known = cache.get(id);
        if (known != null && known.until() - now > 0) return Optional.of(known.url());
        Optional<URI> found = jdbc.sql("""
                SELECT url FROM replicas WHERE id = ? AND heartbeat_at > now() - make_interval(secs => ?)""")
                .params(id, 4 * heartbeat.toMillis() / 1000.0).query(String.class).optional().map(URI::create);
        if (found.isPresent()) cache.put(id, new Known(found.get(), now + heartbeat.toNanos()));
        else cache.remove(id);
        return found;
    }

    /** Where every other live replica is reached. */
    public java.util.List<URI> others() {
        return jdbc.sql("""
                SELECT url FROM replicas WHERE id <> ? AND heartbeat_at > now() - make_interval(secs => ?) ORDER BY id""")
                .params(replica, 4 * heartbeat.toMillis() / 1000.0).query(String.class).list().stream().map(URI::create).toList();
    }

    public String replica() {
        return replica;
    }

    @Override
    public void close() {
        renewals.shutdownNow();
        try {
            jdbc.sql("DELETE FROM replicas WHERE id = ?").param(replica).update();
        } catch (RuntimeException e) {
            log.debug("the replica's address could not be withdrawn", e);
        }
    }
}
