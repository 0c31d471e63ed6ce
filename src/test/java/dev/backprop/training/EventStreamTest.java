package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private static final Pattern ID = Pattern.compile("(?m)^id: (\\d+)$");
    private final List<EventTicker> tickers = new ArrayList<>();

    @AfterEach
    void stopTickers() {
        tickers.forEach(EventTicker::close);
    }

    @Test
    void writesRetryThenEveryEventAfterTheLastIdAndEndsAfterTheTerminalOne() throws Exception {
        EventLog log = new EventLog();
        log.append("status", "{\"status\":\"QUEUED\"}", JobJournal.STATUS);
        log.append("metrics", "{\"iteration\":0}", 0);
        log.append("status", "{\"status\":\"SUCCEEDED\"}", JobJournal.STATUS);
        log.close();

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        assertThat(stream(log, Duration.ofSeconds(15), 1024).writeTo(all, 0)).isEqualTo(EventStream.End.COMPLETE);
        assertThat(all.toString(StandardCharsets.UTF_8)).isEqualTo("retry: 2000\n"
                + "id: 1\nevent: status\ndata: {\"status\":\"QUEUED\"}\n\n"
                + "id: 2\nevent: metrics\ndata: {\"iteration\":0}\n\n"
                + "id: 3\nevent: status\ndata: {\"status\":\"SUCCEEDED\"}\n\n");

        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        stream(log, Duration.ofSeconds(15), 1024).writeTo(rest, 2);
        assertThat(ids(rest)).containsExactly(3L);
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        stream(log, Duration.ofSeconds(15), 1024).writeTo(none, 3);
        assertThat(none.toString(StandardCharsets.UTF_8)).isEqualTo("retry: 2000\n");
    }

    @Test
    void aStreamIsOverOnlyForASubscriberThatHadTheTerminalEventOfAClosedLog() {
        EventLog log = running();
        EventStream stream = stream(log, Duration.ofSeconds(15), 1024);
        assertThat(stream.isOverFor(1)).isFalse();
        assertThat(stream.isOverFor(5)).isFalse();
        succeed(log);
        assertThat(stream.isOverFor(1)).isFalse();
        assertThat(stream.isOverFor(2)).isTrue();
        assertThat(stream.isOverFor(5)).isTrue();
    }

    @Test
    void aQuietStreamCarriesHeartbeatsUntilTheJobEnds() throws Exception {
        EventLog log = running();
        Recorder out = new Recorder();
        CompletableFuture<EventStream.End> end = writeInBackground(stream(log, Duration.ofMillis(60), 1024), out, 0);
        out.awaitText(":heartbeat\n\n", 2);
        succeed(log);
        assertThat(end.get(5, TimeUnit.SECONDS)).isEqualTo(EventStream.End.COMPLETE);
        assertThat(ids(out.bytes)).containsExactly(1L, 2L);
    }

    @Test
    void eventsThatArriveBetweenWritesGoOutTogetherHoweverManyThereAre() throws Exception {
        EventLog log = running();
        Recorder out = new Recorder();
        EventStream stream = new EventStream(log, ticker(Duration.ofMillis(500)), Duration.ofSeconds(15), 16);
        CompletableFuture<EventStream.End> end = writeInBackground(stream, out, 0);
        out.awaitText("id: 1\n", 1);
        for (int i = 0; i < 10_000; i++) log.append("metrics", "{\"iteration\":" + i + "}", 0);
        succeed(log);
        assertThat(end.get(5, TimeUnit.SECONDS)).isEqualTo(EventStream.End.COMPLETE);
        assertThat(ids(out.bytes)).hasSize(10_002).isSorted().startsWith(1L).endsWith(10_002L);
    }

    @Test
    void theTerminalEventGoesOutAsSoonAsTheJobEndsNotAfterTheInterval() throws Exception {
        EventLog log = running();
        Recorder out = new Recorder();
        EventStream stream = new EventStream(log, ticker(Duration.ofSeconds(30)), Duration.ofSeconds(60), 1024);
        CompletableFuture<EventStream.End> end = writeInBackground(stream, out, 0);
        out.awaitText("id: 1\n", 1);
        succeed(log);
        assertThat(end.get(2, TimeUnit.SECONDS)).isEqualTo(EventStream.End.COMPLETE);
        assertThat(ids(out.bytes)).containsExactly(1L, 2L);
    }

    @Test
    void aSubscriberThatFallsMoreThanItsBufferBehindDuringAWriteIsDisconnected() throws Exception {
        EventLog log = running();
        CountDownLatch writing = new CountDownLatch(1), overflowed = new CountDownLatch(1);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        java.io.OutputStream slow = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                received.write(b);
            }

            @Override
            public void flush() throws IOException {
                writing.countDown();
                try {
                    overflowed.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        CompletableFuture<EventStream.End> end = writeInBackground(stream(log, Duration.ofSeconds(15), 100), slow, 0);
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 101; i++) log.append("metrics", "{\"iteration\":" + i + "}", 0);
        overflowed.countDown();
        assertThat(end.get(5, TimeUnit.SECONDS)).isEqualTo(EventStream.End.FELL_BEHIND);
        assertThat(ids(received)).containsExactly(1L);

        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        log.close();
        stream(log, Duration.ofSeconds(15), 100).writeTo(resumed, 1);
        assertThat(ids(resumed)).hasSize(101).startsWith(2L).endsWith(102L);
    }

    @Test
    void aLateSubscriberOfAThinnedLogGetsTheKeptEventsAndResumesAfterAnyId() throws Exception {
        EventLog log = running();
        for (int i = 0; i < 100; i++) log.append("metrics", "{\"iteration\":" + i + "}", i);
        log.retain(tag -> tag == JobJournal.STATUS || tag % 10 == 0);
        log.append("thinned", "{\"metricsEvery\":10,\"limitBytes\":65536}", JobJournal.THINNED);
        succeed(log);

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        assertThat(stream(log, Duration.ofSeconds(15), 1024).writeTo(all, 0)).isEqualTo(EventStream.End.COMPLETE);
        assertThat(ids(all)).containsExactly(1L, 2L, 12L, 22L, 32L, 42L, 52L, 62L, 72L, 82L, 92L, 102L, 103L);
        ByteArrayOutputStream afterDropped = new ByteArrayOutputStream();
        stream(log, Duration.ofSeconds(15), 1024).writeTo(afterDropped, 50);
        assertThat(ids(afterDropped)).containsExactly(52L, 62L, 72L, 82L, 92L, 102L, 103L);
        assertThat(afterDropped.toString(StandardCharsets.UTF_8)).startsWith("retry: 2000\nid: 52\nevent: metrics\ndata: {\"iteration\":50}\n\n")
                .contains("id: 102\nevent: thinned\ndata: {\"metricsEvery\":10,\"limitBytes\":65536}\n\n");
    }

    private static EventLog running() {
        EventLog log = new EventLog();
        log.append("status", "{\"status\":\"RUNNING\"}", JobJournal.STATUS);
        return log;
    }

    private static void succeed(EventLog log) {
        log.append("status", "{\"status\":\"SUCCEEDED\"}", JobJournal.STATUS);
        log.close();
    }

    private EventStream stream(EventLog log, Duration heartbeat, int buffer) {
        return new EventStream(log, ticker(Duration.ofMillis(10)), heartbeat, buffer);
    }

    private EventTicker ticker(Duration interval) {
        EventTicker ticker = new EventTicker(interval, 2000);
        tickers.add(ticker);
        return ticker;
    }

    private static CompletableFuture<EventStream.End> writeInBackground(EventStream stream, java.io.OutputStream out, long after) {
        CompletableFuture<EventStream.End> end = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                end.complete(stream.writeTo(out, after));
            } catch (Exception e) {
                end.completeExceptionally(e);
            }
        });
        return end;
    }

    private static List<Long> ids(ByteArrayOutputStream out) {
        List<Long> ids = new ArrayList<>();
        Matcher m = ID.matcher(out.toString(StandardCharsets.UTF_8));
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        return ids;
    }

    /** An output stream a test can wait on. */
    private static final class Recorder extends java.io.OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        void awaitText(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    if (bytes.toString(StandardCharsets.UTF_8).contains(text)) return;
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no '" + text + "' within " + seconds + " s");
        }
    }
}
