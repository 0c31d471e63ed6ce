package dev.backprop.store;

import dev.backprop.session.PageQuery;
import dev.backprop.training.JobLeaseLostException;
import dev.backprop.training.JobLedger;
import dev.backprop.training.JobStatus;
import dev.backprop.training.JobStoreUnavailableException;
import java.io.ByteArrayOutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs in PostgreSQL (the schema of {@code db/migration}): each write is one transaction, so the stored events of
 * a running job are always exactly those up to its stored checkpoint. A database that cannot be reached is a
 * {@link JobStoreUnavailableException}.
 */
public final class DatabaseJobLedger implements JobLedger {
    /** The channel on which every committed write of a job names the job. */
    static final String CHANNEL = "backprop_jobs";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration writeInterval;
    private final Duration leaseTimeout;
    private final boolean onlyUser;
    private final int keepFinished;
    private final Duration keepFor;
    private final UUID worker = UUID.randomUUID();

    /** A ledger for a database other processes may share, whose jobs' leases last {@code leaseTimeout}. */
    public DatabaseJobLedger(DataSource dataSource, Duration writeInterval, Duration leaseTimeout) {
        this(dataSource, writeInterval, leaseTimeout, false, 1000, Duration.ofDays(7));
    }

    /**
     * @param onlyUser     whether this process is the database's only user (the embedded store), so that at start-up
     *                     it claims every unfinished job at once instead of waiting for their leases to expire
     * @param keepFinished finished jobs kept per tenant, its newest
     * @param keepFor      how long a finished job is kept
     */
    public DatabaseJobLedger(DataSource dataSource, Duration writeInterval, Duration leaseTimeout, boolean onlyUser, int keepFinished,
                             Duration keepFor) {
        this.keepFinished = keepFinished;
        this.keepFor = keepFor;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.writeInterval = writeInterval;
        this.leaseTimeout = leaseTimeout;
        this.onlyUser = onlyUser;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public Duration writeInterval() {
        return writeInterval;
    }

    @Override
    public void created(NewJob job) {
        inTransaction(() -> {
            jdbc.sql("""
                    INSERT INTO jobs (id, owner, metered, created_at, spec, data, points, status, worker, heartbeat_at)
                    VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, 'QUEUED', ?, now())""")
                    .params(UUID.fromString(job.id()), job.owner(), job.metered(), Timestamp.from(job.createdAt()), job.spec(), job.data(),
                            job.points(), worker).update();
            append(job.id(), job.events());
            notifyChanged(job.id());
            return null;
        });
    }

    @Override
    public void write(JobWrite write) {
        inTransaction(() -> {
            UUID id = UUID.fromString(write.id());
            boolean ended = write.status().isTerminal();
            int ours = jdbc.sql("""
                    UPDATE jobs SET status = ?, started_at = ?, finished_at = ?, error = ?, result = CAST(? AS jsonb),
                        latest_metrics = coalesce(?, latest_metrics), data = CASE WHEN ? THEN NULL ELSE data END
                    WHERE id = ? AND worker IS NOT DISTINCT FROM ?""")
                    .params(write.status().name(), timestamp(write.startedAt()), timestamp(write.finishedAt()), write.error(), write.result(),
                            write.latestMetrics(), ended, id, worker).update();
            if (ours == 0) throw new JobLeaseLostException(write.id());
            if (write.events() != null) append(write.id(), write.events());
            Checkpoint c = write.checkpoint();
            if (ended) {
                jdbc.sql("DELETE FROM job_checkpoints WHERE job_id = ?").param(id).update();
            } else if (c != null) {
                jdbc.sql("""
                        INSERT INTO job_checkpoints (job_id, iteration, last_event_id, state, pending_metrics, saved_at)
                        VALUES (?, ?, ?, ?, ?, now())
                        ON CONFLICT (job_id) DO UPDATE SET iteration = excluded.iteration, last_event_id = excluded.last_event_id,
                            state = excluded.state, pending_metrics = excluded.pending_metrics, saved_at = excluded.saved_at""")
                        .params(id, c.iteration(), c.lastEventId(), c.state(), c.pendingMetrics()).update();
            }
            notifyChanged(write.id());
            return null;
        });
    }

    /** Tells every process listening that the job changed, when the transaction commits. */
    private void notifyChanged(String id) {
        jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, id).query((ResultSet rs) -> { });
    }

    /** Marks a job that cannot be read back FAILED, whichever process held it. */
    @Override
    public void fail(String id, String reason) {
        inTransaction(() -> jdbc.sql("""
                UPDATE jobs SET status = 'FAILED', finished_at = now(), error = ?, data = NULL WHERE id = ?""")
                .params(reason, UUID.fromString(id)).update());
    }

    @Override
    public List<StoredJob> load(int finished) {
        return inTransaction(() -> {
            claim(onlyUser ? null : leaseTimeout);
            List<StoredJob> jobs = new ArrayList<>(read("j.status IN ('QUEUED', 'RUNNING') AND j.worker = ?", worker));
            jobs.addAll(read("j.id IN (SELECT id FROM jobs WHERE status NOT IN ('QUEUED', 'RUNNING') ORDER BY finished_at DESC LIMIT ?)",
                    finished));
            jobs.sort(java.util.Comparator.comparing(StoredJob::createdAt).thenComparing(StoredJob::id));
            return jobs;
        });
    }

    @Override
    public List<String> dropExpired() {
        return inTransaction(() -> jdbc.sql("""
                DELETE FROM jobs WHERE id IN (
                    SELECT id FROM (
                        SELECT id, finished_at, row_number() OVER (PARTITION BY owner ORDER BY finished_at DESC, id DESC) AS newest
                        FROM jobs WHERE status NOT IN ('QUEUED', 'RUNNING')) finished
                    WHERE newest > ? OR finished_at < now() - make_interval(secs => ?))
                RETURNING id""").params(keepFinished, keepFor.toMillis() / 1000.0).query(UUID.class).list())
                .stream().map(UUID::toString).toList();
    }

    @Override
    public List<String> renewLeases() {
        return inTransaction(() -> jdbc.sql("""
                UPDATE jobs SET heartbeat_at = now() WHERE worker = ? AND status IN ('QUEUED', 'RUNNING')
                RETURNING id, cancel_requested""").param(worker)
                .query((rs, n) -> rs.getBoolean(2) ? rs.getObject(1, UUID.class).toString() : null).list())
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<StoredJob> claimExpired() {
        return inTransaction(() -> {
            List<UUID> claimed = claim(leaseTimeout);
            return claimed.isEmpty() ? List.of() : read("j.id = ANY (?)", claimed.toArray(UUID[]::new));
        });
    }

    @Override
    public void release(String id) {
        inTransaction(() -> jdbc.sql("UPDATE jobs SET heartbeat_at = '-infinity' WHERE id = ? AND worker = ?")
                .params(UUID.fromString(id), worker).update());
    }

    @Override
    public StoredJob find(String id, long afterEventId) {
        UUID job = UUID.fromString(id);
        List<StoredJob> found = inTransaction(() -> read("j.id = ?", job, afterEventId));
        return found.isEmpty() ? null : found.getFirst();
    }

    @Override
    public boolean requestCancel(String id) {
        return inTransaction(() -> jdbc.sql("UPDATE jobs SET cancel_requested = true WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
                .param(UUID.fromString(id)).update()) == 1;
    }

    @Override
    public List<StoredSummary> page(String owner, PageQuery query, JobStatus status) {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (owner != null) {
            where.append(" AND owner = ?");
            params.add(owner);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.name());
        }
        if (query.after() != null) {
            where.append(" AND (created_at, id) < (?, ?)");
            params.add(Timestamp.from(query.after().createdAt()));
            params.add(cursorId(query.after().id()));
        }
        if (query.createdAfter() != null) {
            where.append(" AND created_at > ?");
            params.add(Timestamp.from(query.createdAfter()));
        }
        if (query.createdBefore() != null) {
            where.append(" AND created_at < ?");
            params.add(Timestamp.from(query.createdBefore()));
        }
        params.add(query.size() + 1);
        return inTransaction(() -> jdbc.sql("""
                SELECT id, status, created_at, started_at, finished_at, error, result::text, latest_metrics FROM jobs
                WHERE\s""" + where + " ORDER BY created_at DESC, id DESC LIMIT ?").params(params)
                .query((rs, n) -> new StoredSummary(rs.getObject(1, UUID.class).toString(), JobStatus.valueOf(rs.getString(2)),
                        instant(rs, 3), instant(rs, 4), instant(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list());
    }

    /** A cursor's id as a job id; a cursor between jobs may name an id that is not one (then it sorts before every job). */
    private static UUID cursorId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return new UUID(Long.MAX_VALUE, Long.MAX_VALUE);
        }
    }

    @Override
    public AutoCloseable listen(java.util.function.Consumer<String> changed) {
        return JobChangeListener.start(dataSource, CHANNEL, changed);
    }

    /**
     * Takes the lease of every unfinished job whose heartbeat is older than {@code timeout} (every one, when null),
     * skipping those another process is claiming at the same moment, and answers their ids.
     */
    private List<UUID> claim(Duration timeout) {
        return jdbc.sql("""
                UPDATE jobs SET worker = ?, heartbeat_at = now() WHERE id IN (
                    SELECT id FROM jobs WHERE status IN ('QUEUED', 'RUNNING')
                        AND (CAST(? AS double precision) IS NULL OR heartbeat_at < now() - make_interval(secs => ?))
                    FOR UPDATE SKIP LOCKED)
                RETURNING id""").params(worker, timeout == null ? null : timeout.toMillis() / 1000.0,
                timeout == null ? 0.0 : timeout.toMillis() / 1000.0).query(UUID.class).list();
    }

    /** The jobs {@code where} selects (on {@code j}, the jobs table), with their events and checkpoints, oldest first. */
    private List<StoredJob> read(String where, Object parameter) {
        return read(where, parameter, 0);
    }

    /** As {@link #read(String, Object)}, with only the batches of events that hold events after {@code afterEventId}. */
    private List<StoredJob> read(String where, Object parameter, long afterEventId) {
        Map<UUID, ByteArrayOutputStream> frames = new LinkedHashMap<>();
        jdbc.sql("SELECT e.job_id, e.frames FROM job_events e JOIN jobs j ON j.id = e.job_id WHERE " + where
                + " AND e.last_id > ? ORDER BY e.job_id, e.first_id").params(parameter, afterEventId).query((ResultSet rs) -> {
            frames.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ByteArrayOutputStream()).writeBytes(rs.getBytes(2));
        });
        List<StoredJob> jobs = new ArrayList<>();
        jdbc.sql("""
                SELECT j.id, j.owner, j.metered, j.created_at, j.spec::text, j.data, j.points, j.status, j.started_at, j.finished_at,
                       j.error, j.result::text, j.cancel_requested, c.iteration, c.last_event_id, c.state, c.pending_metrics
                FROM jobs j LEFT JOIN job_checkpoints c ON c.job_id = j.id
                """ + " WHERE " + where + " ORDER BY j.created_at, j.id")
                .param(parameter).query((ResultSet rs) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    ByteArrayOutputStream events = frames.get(id);
                    jobs.add(new StoredJob(id.toString(), rs.getString(2), rs.getBoolean(3), instant(rs, 4), rs.getString(5), rs.getBytes(6),
                            rs.getBytes(7), JobStatus.valueOf(rs.getString(8)), instant(rs, 9), instant(rs, 10), rs.getString(11),
                            rs.getString(12), rs.getBoolean(13), events == null ? new byte[0] : events.toByteArray(),
                            rs.getBytes(16) == null ? null : new Checkpoint(rs.getInt(14), rs.getLong(15), rs.getBytes(16), rs.getString(17))));
                });
        return jobs;
    }

    /** Adds the events, or replaces every stored event of the job with them. */
    private void append(String job, Events events) {
        UUID id = UUID.fromString(job);
        if (events.replacesAll()) {
            jdbc.sql("DELETE FROM job_events WHERE job_id = ?").param(id).update();
        }
        jdbc.sql("INSERT INTO job_events (job_id, first_id, last_id, frames) VALUES (?, ?, ?, ?)")
                .params(id, events.firstId(), events.lastId(), events.frames()).update();
        jdbc.sql("UPDATE jobs SET last_event_id = ? WHERE id = ?").params(events.lastId(), id).update();
    }

    private <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.execute(tx -> work.get());
        } catch (TransactionException | DataAccessResourceFailureException | TransientDataAccessException e) {
            // TransactionException: the transaction could not begin, or could not roll back after a failed statement
            // (which then hides the statement's own error): either way, the connection is gone
            throw new JobStoreUnavailableException("the job store cannot be reached: " + e.getMostSpecificCause().getMessage(), e);
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                throw new JobStoreUnavailableException("the job store cannot be reached: " + sql.getMessage(), e);
            }
            throw e;
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
