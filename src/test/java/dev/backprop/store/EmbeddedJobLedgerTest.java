package dev.backprop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.backprop.training.JobLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job ledger on the embedded server the service runs by default. */
class EmbeddedJobLedgerTest extends JobLedgerContract {
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
        String id = UUID.randomUUID().toString();
        try (EmbeddedStore first = EmbeddedStore.start(kept)) {
            Flyway.configure().dataSource(first.dataSource()).load().migrate();
            JobLedgerContract.onlyUser(first.dataSource()).created(newJob(id, Instant.now()));
        }
        try (EmbeddedStore second = EmbeddedStore.start(kept)) {
            Flyway.configure().dataSource(second.dataSource()).load().migrate();
            assertThat(JobLedgerContract.onlyUser(second.dataSource()).load(100)).extracting(JobLedger.StoredJob::id)
                    .containsExactly(id);
        } finally {
            Folders.delete(kept);
        }
    }

    @Test
    void aServiceKilledWithItsServerRunningRestartsOnTheSameFiles() throws Exception {
        Path kept = Files.createTempDirectory("backprop-store-killed");
        String id = UUID.randomUUID().toString();
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), EmbeddedStoreChild.class.getName(), kept.toString(), id.toString())
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line = out.readLine(); line != null && !line.equals("recorded"); line = out.readLine()) {
                assertThat(child.isAlive()).as("the child process, which printed: %s", line).isTrue();
            }
        }
        child.destroyForcibly().waitFor();
        assertThat(Files.exists(kept.resolve("postgres/postmaster.pid"))).as("the killed JVM's server still runs").isTrue();
        try (EmbeddedStore again = EmbeddedStore.start(kept)) {
            assertThat(JobLedgerContract.onlyUser(again.dataSource()).load(100)).extracting(JobLedger.StoredJob::id)
                    .containsExactly(id);
        }
        Folders.delete(kept);
    }
}
