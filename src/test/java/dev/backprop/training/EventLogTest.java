package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final long LONG = TimeUnit.SECONDS.toNanos(30);

    @Test
    void eventsComeOutByteForByteFromAnyIdInOneWritePerSegment() throws Exception {
        EventLog log = new EventLog();
        StringBuilder expected = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String data = i == 7_000 ? "\"" + "x".repeat(3 << 20) + "\"" : "{\"iteration\":" + i + ",\"pad\":\"" + "é".repeat(i % 97) + "\"}";
            String name = i % 50 == 0 ? "status" : "metrics";
            log.append(name, data, 0);
            starts.add(expected.length());
            expected.append("id: ").append(i + 1).append("\nevent: ").append(name).append("\ndata: ").append(data).append("\n\n");
        }
        for (int after : new int[] {0, 1, 6_999, 7_000, 12_345, 19_999, 20_000, 25_000}) {
            CountingStream out = new CountingStream();
            assertThat(log.writeAfter(after, out)).isEqualTo(Math.max(after, 20_000));
            String rest = after >= 20_000 ? "" : expected.substring(starts.get(after));
            assertThat(out.bytes.toString(StandardCharsets.UTF_8)).isEqualTo(rest);
            // About 6 MB of events: segments of 4 KiB doubling to 1 MiB, and one of its own for the 3 MiB event.
            assertThat(out.writes).isLessThanOrEqualTo(16);
        }
    }

    @Test
    void wakingReadersWakesOnlyThoseWithEventsToTake() throws Exception {
        EventLog log = new EventLog();
        log.append("status", "{\"status\":\"RUNNING\"}", JobJournal.STATUS);
        CompletableFuture<Void> upToDate = awaitInBackground(log, 1);
        CompletableFuture<Void> behind = awaitInBackground(log, 0);
        waitUntilParked(log, 2);

        log.wakeReaders();
        behind.get(2, TimeUnit.SECONDS);
        Thread.sleep(200);
        assertThat(upToDate).isNotDone();

        log.append("metrics", "{\"iteration\":0}", 0);
        log.wakeReaders();
        upToDate.get(2, TimeUnit.SECONDS);
    }

    @Test
    void closingTheLogWakesEveryReaderAtOnce() throws Exception {
        EventLog log = new EventLog();
        log.append("status", "{\"status\":\"RUNNING\"}", JobJournal.STATUS);
        CompletableFuture<Void> reader = awaitInBackground(log, 1);
        waitUntilParked(log, 1);
        log.append("status", "{\"status\":\"SUCCEEDED\"}", JobJournal.STATUS);
        log.close();
        reader.get(2, TimeUnit.SECONDS);
    }

    /** Counts the writes it receives. */
    private static final class CountingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }
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
