package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventTickerTest {
    @Test
    void wakesTheReadersOfTheLogsItWatches() throws Exception {
        EventLog log = new EventLog();
        log.append("status", "{\"status\":\"RUNNING\"}", JobJournal.STATUS);
        try (EventTicker ticker = new EventTicker(Duration.ofMillis(20), 2000)) {
            ticker.opened(log);
            CompletableFuture<Void> reader = EventLogTest.awaitInBackground(log, 1);
            EventLogTest.waitUntilParked(log, 1);
            log.append("metrics", "{\"iteration\":0}", 0);
            reader.get(2, TimeUnit.SECONDS);
        }
    }

    @Test
    void thePeriodIsTheIntervalUntilTheStreamsWouldExceedTheWriteBudget() {
        EventLog log = new EventLog();
        try (EventTicker ticker = new EventTicker(Duration.ofMillis(50), 2000)) {
            assertThat(ticker.periodNanos()).isEqualTo(50_000_000L);
            for (int i = 0; i < 100; i++) ticker.opened(log);
            assertThat(ticker.periodNanos()).isEqualTo(50_000_000L);
            for (int i = 0; i < 900; i++) ticker.opened(log);
            assertThat(ticker.periodNanos()).isEqualTo(500_000_000L);
            for (int i = 0; i < 1000; i++) ticker.closed();
            assertThat(ticker.periodNanos()).isEqualTo(50_000_000L);
        }
    }
}
