package dev.backprop.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.flywaydb.core.Flyway;

/** A process that starts the embedded store on a folder, records one job, says so, and waits to be killed. */
public final class EmbeddedStoreChild {
    private EmbeddedStoreChild() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedStore store = EmbeddedStore.start(Path.of(args[0]));
        Flyway.configure().dataSource(store.dataSource()).load().migrate();
        JobLedgerContract.onlyUser(store.dataSource()).created(JobLedgerContract.newJob(args[1], Instant.now()));
        System.out.println("recorded");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
