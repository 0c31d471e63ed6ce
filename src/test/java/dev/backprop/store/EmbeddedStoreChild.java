package dev.backprop.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** A process that starts the embedded store on a folder, records one job, says so, and waits to be killed. */
public final class EmbeddedStoreChild {
    private EmbeddedStoreChild() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedStore store = EmbeddedStore.start(Path.of(args[0]));
        Flyway.configure().dataSource(store.dataSource()).load().migrate();
        new JobRecords(store.dataSource()).insert(new JobRecords.NewJob(UUID.fromString(args[1]), "acme", Instant.now(), "{}", null),
                List.of(new JobRecords.StoredEvent(1, "id: 1\n\n")));
        System.out.println("recorded");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
