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

/** The job records on the embedded server the service runs by default. */
class EmbeddedJobRecordsTest extends JobRecordsContract {
    private static Path folder;
    private static EmbeddedStore store;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("backprop-store");
        store = EmbeddedStore.start(folder);
        use(store.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        Folders.delete(folder);
    }

    @Test
    void theStoreKeepsItsFilesAcrossARestart() throws Exception {
        Path kept = Files.createTempDirectory("backprop-store-restart");
        UUID id = UUID.randomUUID();
        try (EmbeddedStore first = EmbeddedStore.start(kept)) {
            Flyway.configure().dataSource(first.dataSource()).load().migrate();
            new JobRecords(first.dataSource()).insert(new JobRecords.NewJob(id, "acme", Instant.now(), "{}", null),
                    List.of(event(1, "status")));
        }
        try (EmbeddedStore second = EmbeddedStore.start(kept)) {
            Flyway.configure().dataSource(second.dataSource()).load().migrate();
            assertThat(new JobRecords(second.dataSource()).unfinished()).extracting(JobRecords.Unfinished::id).containsExactly(id);
        }
    }
}
