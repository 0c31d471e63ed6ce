package dev.backprop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.backprop.training.JobLeaseLostException;
import dev.backprop.training.JobLedger;
import dev.backprop.training.JobStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The job ledger on PostgreSQL, migrated by Flyway: on the embedded server the service runs by default and on a
 * server of Debian's package, as production runs one.
 */
abstract class JobLedgerContract {
    static DatabaseJobLedger ledger;
    static DataSource dataSource;

    /** Migrates the database and makes the ledger the tests use. */
    static void use(DataSource database) {
        dataSource = database;
        Flyway.configure().dataSource(dataSource).load().migrate();
        ledger = new DatabaseJobLedger(dataSource, Duration.ofMillis(250), Duration.ofSeconds(10));
    }

    /** A ledger as the embedded store's one process has it. */
    static DatabaseJobLedger onlyUser(DataSource database) {
        return new DatabaseJobLedger(database, Duration.ofSeconds(1), Duration.ofSeconds(10), true, 1000, Duration.ofDays(7));
    }

    static byte[] frames(long first, long last, String name) {
        StringBuilder text = new StringBuilder();
        for (long id = first; id <= last; id++) text.append("id: ").append(id).append("\nevent: ").append(name).append("\ndata: {}\n\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JobLedger.Events events(long first, long last, String name) {
        return new JobLedger.Events(first, last, frames(first, last, name), false);
    }

    static JobLedger.NewJob newJob(String id, Instant created) {
        return new JobLedger.NewJob(id, "acme", true, created, """
                {"seed": 1, "maxIterations": 20000}""", new byte[] {1, 2, 3}, new byte[] {4, 5}, events(1, 1, "status"));
    }

    static JobLedger.StoredJob stored(String id) {
        return ledger.find(id, 0);
    }

    static JobLedger.JobWrite running(String id, Instant started, JobLedger.Events events, JobLedger.Checkpoint checkpoint) {
        return new JobLedger.JobWrite(id, JobStatus.RUNNING, started, null, null, null, events, checkpoint, null);
    }

    @Test
    void aJobItsEventsAndItsCheckpointComeBackAsTheyWereWritten() {
        String id = UUID.randomUUID().toString();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ledger.created(newJob(id, created));
        ledger.write(running(id, created.plusMillis(5), events(2, 2, "status"), null));
        ledger.write(running(id, created.plusMillis(5), events(3, 4, "metrics"), new JobLedger.Checkpoint(100, 4, new byte[] {9, 8}, null)));
        ledger.write(running(id, created.plusMillis(5), events(5, 5, "metrics"), new JobLedger.Checkpoint(200, 5, new byte[] {7}, "{\"iteration\":180}")));

        JobLedger.StoredJob job = stored(id);
        assertThat(job.owner()).isEqualTo("acme");
        assertThat(job.metered()).isTrue();
        assertThat(job.createdAt()).isEqualTo(created);
        assertThat(job.startedAt()).isEqualTo(created.plusMillis(5));
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.spec()).isEqualTo("{\"seed\": 1, \"maxIterations\": 20000}");
        assertThat(job.data()).containsExactly(1, 2, 3);
        assertThat(job.points()).containsExactly(4, 5);
        assertThat(job.checkpoint()).isEqualTo(job.checkpoint());
        assertThat(job.checkpoint().iteration()).isEqualTo(200);
        assertThat(job.checkpoint().lastEventId()).isEqualTo(5);
        assertThat(job.checkpoint().state()).containsExactly(7);
        assertThat(job.checkpoint().pendingMetrics()).isEqualTo("{\"iteration\":180}");
        assertThat(new String(job.frames(), StandardCharsets.UTF_8)).isEqualTo(new String(frames(1, 2, "status"), StandardCharsets.UTF_8)
                + new String(frames(3, 5, "metrics"), StandardCharsets.UTF_8));
    }

    @Test
    void aCheckpointWhoseEventsCannotBeWrittenLeavesNothingBehind() {
        String id = UUID.randomUUID().toString();
        ledger.created(newJob(id, Instant.now()));
        ledger.write(running(id, Instant.now(), events(2, 3, "metrics"), new JobLedger.Checkpoint(10, 3, new byte[] {1}, null)));
        assertThatThrownBy(() -> ledger.write(running(id, Instant.now(), events(2, 4, "metrics"),
                new JobLedger.Checkpoint(20, 4, new byte[] {2}, null)))).isInstanceOf(DuplicateKeyException.class);
        JobLedger.StoredJob job = stored(id);
        assertThat(job.checkpoint().iteration()).isEqualTo(10);
        assertThat(job.frames()).isEqualTo(concat(frames(1, 1, "status"), frames(2, 3, "metrics")));
    }

    @Test
    void eventsThatReplaceAllLeaveOnlyThemselves() {
        String id = UUID.randomUUID().toString();
        ledger.created(newJob(id, Instant.now()));
        ledger.write(running(id, Instant.now(), events(2, 9, "metrics"), new JobLedger.Checkpoint(10, 9, new byte[] {1}, null)));
        ledger.write(running(id, Instant.now(), new JobLedger.Events(1, 12, frames(1, 12, "thinned"), true),
                new JobLedger.Checkpoint(20, 12, new byte[] {2}, null)));
        assertThat(stored(id).frames()).isEqualTo(frames(1, 12, "thinned"));
    }

    @Test
    void anEndedJobKeepsItsResultAndDropsItsCheckpointAndData() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ledger.created(newJob(id, now));
        ledger.write(running(id, now, events(2, 2, "status"), new JobLedger.Checkpoint(10, 2, new byte[] {1}, null)));
        ledger.write(new JobLedger.JobWrite(id, JobStatus.SUCCEEDED, now, now.plusSeconds(1), null, "{\"loss\": 0.5}",
                events(3, 3, "status"), null, null));
        JobLedger.StoredJob job = stored(id);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.finishedAt()).isEqualTo(now.plusSeconds(1));
        assertThat(job.result()).isEqualTo("{\"loss\": 0.5}");
        assertThat(job.checkpoint()).isNull();
        assertThat(job.data()).isNull();
        assertThat(job.points()).containsExactly(4, 5);
    }

    @Test
    void retentionKeepsEachTenantsNewestFinishedJobsUpToACountAndAnAge() {
        DatabaseJobLedger keepingTwo = new DatabaseJobLedger(dataSource, Duration.ofMillis(250), Duration.ofSeconds(10), false, 2,
                Duration.ofHours(1));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String tenant = "retained-" + UUID.randomUUID(), other = "other-" + UUID.randomUUID();
        List<String> tenants = List.of(tenant, tenant, tenant, other, other);
        List<Instant> finished = List.of(now.minusSeconds(30), now.minusSeconds(20), now.minusSeconds(10), now.minusSeconds(7200),
                now.minusSeconds(5));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            keepingTwo.created(new JobLedger.NewJob(id, tenants.get(i), true, now.minusSeconds(9000), "{}", null, new byte[] {1},
                    events(1, 1, "status")));
            keepingTwo.write(new JobLedger.JobWrite(id, JobStatus.SUCCEEDED, now.minusSeconds(8000), finished.get(i), null, null,
                    events(2, 2, "status"), null, null));
        }
        assertThat(keepingTwo.dropExpired()).containsAll(List.of(ids.get(0), ids.get(3))).doesNotContainAnyElementsOf(
                List.of(ids.get(1), ids.get(2), ids.get(4)));
        assertThat(keepingTwo.find(ids.get(0), 0)).isNull();
        assertThat(keepingTwo.find(ids.get(2), 0).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(keepingTwo.find(ids.get(4), 0).owner()).isEqualTo(other);
    }

    @Test
    void anUnfinishedJobGoesToAnotherProcessOnlyOnceItsLeaseIsReleasedOrHasExpired() {
        DatabaseJobLedger other = new DatabaseJobLedger(dataSource, Duration.ofMillis(250), Duration.ofSeconds(1));
        String id = UUID.randomUUID().toString();
        ledger.created(newJob(id, Instant.now()));
        assertThat(other.claimExpired()).extracting(JobLedger.StoredJob::id).doesNotContain(id);

        ledger.release(id);
        assertThat(other.claimExpired()).filteredOn(j -> j.id().equals(id)).singleElement()
                .satisfies(j -> assertThat(j.frames()).isEqualTo(frames(1, 1, "status")));
        assertThatThrownBy(() -> ledger.write(running(id, Instant.now(), events(2, 2, "status"), null)))
                .isInstanceOf(JobLeaseLostException.class).hasMessage("job " + id + " is now run by another process");
        other.write(running(id, Instant.now(), events(2, 2, "status"), null));

        DatabaseJobLedger third = new DatabaseJobLedger(dataSource, Duration.ofMillis(250), Duration.ofSeconds(1));
        for (int i = 0; i < 6; i++) {
            other.renewLeases();
            assertThat(third.claimExpired()).extracting(JobLedger.StoredJob::id).doesNotContain(id);
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> third.claimExpired().stream().anyMatch(j -> j.id().equals(id)));
        assertThat(third.claimExpired()).extracting(JobLedger.StoredJob::id).doesNotContain(id);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
