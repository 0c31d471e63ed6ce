package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final long LONG = TimeUnit.SECONDS.toNanos(30);

    @Test
    void wakingReadersWakesOnlyThoseWithEventsToTake() throws Exception {
        EventLog log = new EventLog();
        log.append("status", "{\"status\":\"RUNNING\"}");
        CompletableFuture<Void> upToDate = awaitInBackground(log, 1);
        CompletableFuture<Void> behind = awaitInBackground(log, 0);
        waitUntilParked(log, 2);

        log.wakeReaders();
        behind.get(2, TimeUnit.SECONDS);
        Thread.sleep(200);
        assertThat(upToDate).isNotDone();

        log.append("metrics", "{\"iteration\":0}");
        log.wakeReaders();
        upToDate.get(2, TimeUnit.SECONDS);
    }

    @Test
    void closingTheLogWakesEveryReaderAtOnce() throws Exception {
        EventLog log = new EventLog();
        log.append("status", "{\"status\":\"RUNNING\"}");
        CompletableFuture<Void> reader = awaitInBackground(log, 1);
        waitUntilParked(log, 1);
        log.append("status", "{\"status\":\"SUCCEEDED\"}");
        log.close();
        reader.get(2, TimeUnit.SECONDS);
    }

    static CompletableFuture<Void> awaitInBackground(EventLog log, long lastId) {
        CompletableFuture<Void> woken = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                log.await(lastId, LONG);
                woken.complete(null);
            } catch (InterruptedException e) {
                woken.completeExceptionally(e);
            }
        });
        return woken;
    }

    static void waitUntilParked(EventLog log, int readers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.waitingReaders() < readers) {
            assertThat(System.nanoTime()).as("readers parked in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
