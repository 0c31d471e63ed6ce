package dev.backprop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backprop.training.JobLedger;
import dev.backprop.training.JobStoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job ledger on a server of Debian's postgresql package, as production runs one. */
class PostgresJobLedgerTest extends JobLedgerContract {
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
    void aPooledConnectionThatDiedWithTheServerIsAnUnreachableStoreNotAnError() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.dataSource());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DatabaseJobLedger pooled = new DatabaseJobLedger(pool, Duration.ofMillis(250), Duration.ofSeconds(10));
            pooled.renewLeases();
            server.stopImmediately();
            try {
                assertThatThrownBy(() -> pooled.created(newJob(UUID.randomUUID().toString(), Instant.now())))
                        .isInstanceOf(JobStoreUnavailableException.class).hasMessageStartingWith("the job store cannot be reached: ");
                assertThatThrownBy(pooled::renewLeases).isInstanceOf(JobStoreUnavailableException.class);
            } finally {
                server.startAgain();
            }
        }
    }

    @Test
    void aServerThatCrashedComesBackWithWhatWasCommitted() {
        String id = UUID.randomUUID().toString();
        ledger.created(newJob(id, Instant.now()));
        ledger.write(running(id, Instant.now(), events(2, 2, "metrics"), new JobLedger.Checkpoint(50, 2, new byte[] {5}, null)));
        server.stopImmediately();
        assertThatThrownBy(() -> ledger.load(100)).isInstanceOf(JobStoreUnavailableException.class)
                .hasMessageStartingWith("the job store cannot be reached: ");
        server.startAgain();
        JobLedger.StoredJob job = stored(id);
        assertThat(job.checkpoint().iteration()).isEqualTo(50);
        assertThat(job.frames()).isEqualTo(concat(frames(1, 1, "status"), frames(2, 2, "metrics")));
    }
}
