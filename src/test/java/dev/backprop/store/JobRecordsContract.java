package dev.backprop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The job records on PostgreSQL, migrated by Flyway: on the embedded server the service runs by default and on a
 * server of Debian's package, as production runs one.
 */
abstract class JobRecordsContract {
    static JobRecords records;

    /** Migrates the database and makes the records the tests use. */
    static void use(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        records = new JobRecords(dataSource);
    }

    static JobRecords.StoredEvent event(long id, String name) {
        return new JobRecords.StoredEvent(id, "id: " + id + "\nevent: " + name + "\ndata: {}\n\n");
    }

    @Test
    void aJobItsEventsAndItsCheckpointComeBackAsTheyWereWritten() {
        UUID id = UUID.randomUUID();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        records.insert(new JobRecords.NewJob(id, "acme", created, """
                {"seed": 1, "maxIterations": 20000}""", new byte[] {1, 2, 3}), List.of(event(1, "status")));
        records.started(id, created.plusMillis(5), List.of(event(2, "status")));
        records.checkpoint(id, new JobRecords.Checkpoint(100, 4, new byte[] {9, 8}), List.of(event(3, "metrics"), event(4, "metrics")));
        records.checkpoint(id, new JobRecords.Checkpoint(200, 5, new byte[] {7}), List.of(event(5, "metrics")));

        JobRecords.Unfinished job = records.unfinished().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
        assertThat(job.owner()).isEqualTo("acme");
        assertThat(job.createdAt()).isEqualTo(created);
        assertThat(job.status()).isEqualTo("RUNNING");
        assertThat(job.spec()).isEqualTo("{\"seed\": 1, \"maxIterations\": 20000}");
        assertThat(job.data()).containsExactly(1, 2, 3);
        assertThat(job.lastEventId()).isEqualTo(5);
        assertThat(job.checkpoint()).hasValueSatisfying(c -> {
            assertThat(c.iteration()).isEqualTo(200);
            assertThat(c.lastEventId()).isEqualTo(5);
            assertThat(c.state()).containsExactly(7);
        });
        assertThat(records.events(id, 0)).extracting(JobRecords.StoredEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records.events(id, 3)).containsExactly(event(4, "metrics"), event(5, "metrics"));
    }

    @Test
    void aCheckpointWhoseEventsCannotBeWrittenLeavesNothingBehind() {
        UUID id = UUID.randomUUID();
        records.insert(new JobRecords.NewJob(id, "acme", Instant.now(), "{}", null), List.of(event(1, "status")));
        records.checkpoint(id, new JobRecords.Checkpoint(10, 2, new byte[] {1}), List.of(event(2, "metrics")));
        assertThatThrownBy(() -> records.checkpoint(id, new JobRecords.Checkpoint(20, 3, new byte[] {2}),
                List.of(event(3, "metrics"), event(2, "metrics")))).isInstanceOf(DuplicateKeyException.class);
        JobRecords.Unfinished job = records.unfinished().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
        assertThat(job.checkpoint().orElseThrow().iteration()).isEqualTo(10);
        assertThat(job.lastEventId()).isEqualTo(2);
        assertThat(records.events(id, 0)).extracting(JobRecords.StoredEvent::id).containsExactly(1L, 2L);
    }

    @Test
    void aFinishedJobIsNoLongerUnfinishedAndDropsItsCheckpoint() {
        UUID id = UUID.randomUUID();
        records.insert(new JobRecords.NewJob(id, "acme", Instant.now(), "{}", null), List.of(event(1, "status")));
        records.checkpoint(id, new JobRecords.Checkpoint(10, 1, new byte[] {1}), List.of());
        assertThat(records.requestCancel(id)).isTrue();
        assertThat(records.unfinished()).filteredOn(u -> u.id().equals(id)).singleElement()
                .extracting(JobRecords.Unfinished::cancelRequested).isEqualTo(true);
        records.finished(id, "CANCELLED", Instant.now(), null, null, List.of(event(2, "status")));
        assertThat(records.unfinished()).noneMatch(u -> u.id().equals(id));
        assertThat(records.requestCancel(id)).isFalse();
        assertThat(records.events(id, 1)).containsExactly(event(2, "status"));
    }
}
