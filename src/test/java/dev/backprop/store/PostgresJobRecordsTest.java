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

/** The job records on a server of Debian's postgresql package, as production runs one. */
class PostgresJobRecordsTest extends JobRecordsContract {
    private static DebianPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = DebianPostgres.start();
        use(server.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aServerThatCrashedComesBackWithWhatWasCommitted() {
        UUID id = UUID.randomUUID();
        records.insert(new JobRecords.NewJob(id, "acme", Instant.now(), "{}", null), List.of(event(1, "status")));
        records.checkpoint(id, new JobRecords.Checkpoint(50, 2, new byte[] {5}), List.of(event(2, "metrics")));
        server.stopImmediately();
        server.startAgain();
        JobRecords.Unfinished job = records.unfinished().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
        assertThat(job.checkpoint().orElseThrow().iteration()).isEqualTo(50);
        assertThat(records.events(id, 0)).extracting(JobRecords.StoredEvent::id).containsExactly(1L, 2L);
    }
}
