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
    void afterRetainingTheKeptEventsComeOutByteForByteWithTheirIds() throws Exception {
        EventLog log = new EventLog(64 << 10, false);
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            String name = i % 1_000 == 0 ? "status" : "metrics";
            String data = "{\"iteration\":" + i + ",\"pad\":\"" + "ü".repeat(i % 13) + "\"}";
            log.append(name, data, name.equals("status") ? JobJournal.STATUS : i);
            if (name.equals("status") || i % 4 == 0) kept.append(event(i + 1, name, data));
        }
        log.retain(tag -> tag == JobJournal.STATUS || tag % 4 == 0);
        log.append("status", "{\"status\":\"SUCCEEDED\"}", JobJournal.STATUS);
        kept.append(event(5_001, "status", "{\"status\":\"SUCCEEDED\"}"));

        CountingStream all = new CountingStream();
        assertThat(log.writeAfter(0, all)).isEqualTo(5_001);
        assertThat(all.text()).isEqualTo(kept.toString());
        assertThat(all.writes).as("the kept events in one segment, then the new one").isEqualTo(2);
        assertThat(log.size()).isEqualTo(1_251);
    }

    @Test
    void aReaderResumesAfterADroppedIdAtTheNextKeptEvent() throws Exception {
        EventLog log = new EventLog();
        for (int i = 0; i < 10; i++) log.append("metrics", "{\"iteration\":" + i + "}", i);
        log.retain(tag -> tag % 3 == 0);
        for (long dropped : new long[] {2, 3}) {
            CountingStream out = new CountingStream();
            assertThat(log.writeAfter(dropped, out)).isEqualTo(10);
            assertThat(out.text()).isEqualTo(event(4, "metrics", "{\"iteration\":3}") + event(7, "metrics", "{\"iteration\":6}")
                    + event(10, "metrics", "{\"iteration\":9}"));
        }
        CountingStream none = new CountingStream();
        assertThat(log.writeAfter(9, none)).isEqualTo(10);
        assertThat(log.writeAfter(10, none)).isEqualTo(10);
        assertThat(log.writeAfter(11, none)).isEqualTo(11);
        assertThat(none.text()).isEqualTo(event(10, "metrics", "{\"iteration\":9}"));
        assertThat(log.lastId()).isEqualTo(10);
    }

    @Test
    void aReaderInTheMiddleOfAWriteKeepsItsSnapshotWhileTheLogIsRetainedAndGrows() throws Exception {
        EventLog log = new EventLog();
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            log.append("metrics", "{\"iteration\":" + i + "}", i);
            before.append(event(i + 1, "metrics", "{\"iteration\":" + i + "}"));
        }
        CountingStream out = new CountingStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                if (writes == 0) {
                    log.retain(tag -> tag % 2 == 0);
                    for (int i = 3_000; i < 6_000; i++) log.append("metrics", "{\"iteration\":" + i + "}", i);
                }
                super.write(b, off, len);
            }
        };
        assertThat(log.writeAfter(0, out)).isEqualTo(3_000);
        assertThat(out.text()).isEqualTo(before.toString());
        CountingStream rest = new CountingStream();
        assertThat(log.writeAfter(3_000, rest)).isEqualTo(6_000);
        assertThat(rest.text()).startsWith(event(3_001, "metrics", "{\"iteration\":3000}")).endsWith(event(6_000, "metrics",
                "{\"iteration\":5999}"));
    }

    @Test
    void itsFootprintCountsWhatItHoldsAndWhatAnAppendWouldAdd() {
        EventLog log = new EventLog(16 << 10, false);
        long empty = log.footprint();
        String data = "x".repeat(1_000);
        long predicted = log.footprintWith(EventLog.sizeOf("metrics", data));
        log.append("metrics", data, 0);
        assertThat(log.footprint()).isEqualTo(predicted).isEqualTo(empty + (4 << 10));
        for (int i = 1; i < 200; i++) {
            long next = log.footprintWith(EventLog.sizeOf("metrics", data));
            log.append("metrics", data, i);
            assertThat(log.footprint()).isLessThanOrEqualTo(next);
        }
        assertThat(log.footprint()).as("200 events of about 1 KB in segments of at most 16 KiB").isBetween(200_000L, 240_000L);
        log.retain(tag -> tag < 10);
        assertThat(log.footprint()).isLessThan(64 << 10);
        assertThat(EventLog.sizeOf("metrics", "é€")).isEqualTo(19 + 21 + 7 + 5);
    }

    private static String event(long id, String name, String data) {
        return "id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n";
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
    private static class CountingStream extends OutputStream {
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

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
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
