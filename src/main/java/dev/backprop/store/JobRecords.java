package dev.backprop.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job service's records in the database. Events and a checkpoint are written in one transaction, so that
 * after a crash the stored events are exactly those up to the stored checkpoint's (or later ones, which a
 * resumed job writes again with the same ids and content).
 */
public final class JobRecords {
    /** A job as submitted: {@code spec} is its request as JSON, {@code data} its data when not synthetic. */
    public record NewJob(UUID id, String owner, Instant createdAt, String spec, byte[] data) {}

    /** One event: its id on the stream and the exact text of its frame. */
    public record StoredEvent(long id, String frame) {}

    /** The latest checkpoint of a job: the iteration it continues from, the last event it covers, its state. */
    public record Checkpoint(int iteration, long lastEventId, byte[] state) {}

    /** A job that was queued or running when its process stopped, with what it needs to go on. */
    public record Unfinished(UUID id, String owner, Instant createdAt, String status, String spec, byte[] data,
                             boolean cancelRequested, long lastEventId, Optional<Checkpoint> checkpoint) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;

    public JobRecords(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batches = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Records a new QUEUED job with its first events; when this returns, the job is durable. */
    public void insert(NewJob job, List<StoredEvent> events) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO jobs (id, owner, created_at, spec, data, status) VALUES (?, ?, ?, CAST(? AS jsonb), ?, 'QUEUED')""")
                    .params(job.id(), job.owner(), Timestamp.from(job.createdAt()), job.spec(), job.data()).update();
            append(job.id(), events);
        });
    }

    /** Appends events (ids above every stored one) in one transaction. */
    public void appendEvents(UUID job, List<StoredEvent> events) {
        transactions.executeWithoutResult(tx -> append(job, events));
    }

    /** Appends events and replaces the job's checkpoint, atomically. */
    public void checkpoint(UUID job, Checkpoint checkpoint, List<StoredEvent> events) {
        transactions.executeWithoutResult(tx -> {
            append(job, events);
            jdbc.sql("""
                    INSERT INTO job_checkpoints (job_id, iteration, last_event_id, state, saved_at) VALUES (?, ?, ?, ?, now())
                    ON CONFLICT (job_id) DO UPDATE SET iteration = excluded.iteration, last_event_id = excluded.last_event_id,
                        state = excluded.state, saved_at = excluded.saved_at""")
                    .params(job, checkpoint.iteration(), checkpoint.lastEventId(), checkpoint.state()).update();
        });
    }

    /** Records that the job started running. */
    public void started(UUID job, Instant at, List<StoredEvent> events) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE jobs SET status = 'RUNNING', started_at = ? WHERE id = ?").params(Timestamp.from(at), job).update();
            append(job, events);
        });
    }

    /** Records the job's end, its result (JSON, or null) and its last events; its checkpoint is no longer needed. */
    public void finished(UUID job, String status, Instant at, String error, String result, List<StoredEvent> events) {
        transactions.executeWithoutResult(tx -> {
            append(job, events);
            jdbc.sql("""
                    UPDATE jobs SET status = ?, finished_at = ?, error = ?, result = CAST(? AS jsonb) WHERE id = ?""")
                    .params(status, Timestamp.from(at), error, result, job).update();
            jdbc.sql("DELETE FROM job_checkpoints WHERE job_id = ?").param(job).update();
        });
    }

    /** Asks the job to stop, wherever it runs; false if there is no such unfinished job. */
    public boolean requestCancel(UUID job) {
        return jdbc.sql("UPDATE jobs SET cancel_requested = true WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")
                .param(job).update() == 1;
    }

    /** The job's events after {@code afterId}, in order. */
    public List<StoredEvent> events(UUID job, long afterId) {
        return jdbc.sql("SELECT id, frame FROM job_events WHERE job_id = ? AND id > ? ORDER BY id")
                .params(job, afterId).query((rs, n) -> new StoredEvent(rs.getLong(1), rs.getString(2))).list();
    }

    /** Every job that was queued or running, oldest first, with its checkpoint if it has one. */
    public List<Unfinished> unfinished() {
        return jdbc.sql("""
                SELECT j.id, j.owner, j.created_at, j.status, j.spec::text, j.data, j.cancel_requested, j.last_event_id,
                       c.iteration, c.last_event_id, c.state
                FROM jobs j LEFT JOIN job_checkpoints c ON c.job_id = j.id
                WHERE j.status IN ('QUEUED', 'RUNNING') ORDER BY j.created_at, j.id""")
                .query((rs, n) -> new Unfinished(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getBoolean(7), rs.getLong(8),
                        rs.getBytes(11) == null ? Optional.empty()
                                : Optional.of(new Checkpoint(rs.getInt(9), rs.getLong(10), rs.getBytes(11)))))
                .list();
    }

    private void append(UUID job, List<StoredEvent> events) {
        if (events.isEmpty()) return;
        batches.batchUpdate("INSERT INTO job_events (job_id, id, frame) VALUES (?, ?, ?)", events, events.size(), (ps, e) -> {
            ps.setObject(1, job);
            ps.setLong(2, e.id());
            ps.setString(3, e.frame());
        });
        jdbc.sql("UPDATE jobs SET last_event_id = ? WHERE id = ?").params(events.getLast().id(), job).update();
    }
}
