package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.train.TrainingMetrics;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JobJournalTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = 4 << 20;

    private record Event(long id, String name, String data) {
        JsonNode json() {
            return JSON.readTree(data);
        }
    }

    @Test
    void underTwoHundredThousandEventsOf12KbTheCapHoldsAndOnlyKeptMetricsAreRendered() throws Exception {
        float[] weights = new float[1024];
        Arrays.fill(weights, -0.12345679f);
        AtomicInteger rendered = new AtomicInteger();
        JobJournal journal = new JobJournal(LIMIT, 1, value -> {
            rendered.incrementAndGet();
            return JSON.writeValueAsString(value);
        });
        journal.status(JobStatus.QUEUED, null);
        journal.status(JobStatus.RUNNING, null);
        long most = 0;
        for (int i = 0; i < 200_000; i++) {
            journal.metrics(new TrainingMetrics(i, 1.0 / (i + 1), 0.5, weights, 0.25f, 1_000L * i));
            most = Math.max(most, journal.footprint());
        }
        journal.end(JobStatus.SUCCEEDED, null);
        assertThat(JSON.writeValueAsString(JobJournal.metricsJson(new TrainingMetrics(0, 1, 0.5, weights, 0.25f, 0))).length())
                .as("one metrics event's data").isBetween(12_000, 13_000);
        assertThat(most).isLessThanOrEqualTo(LIMIT);
        assertThat(journal.footprint()).isLessThanOrEqualTo(LIMIT);
        assertThat(rendered.get()).as("events rendered of 200,000 logged").isLessThan(5_000);

        List<Event> events = events(journal);
        assertThat(events).extracting(Event::id).isSorted().doesNotHaveDuplicates();
        assertThat(events.stream().filter(e -> e.name().equals("status")).map(e -> e.json().get("status").stringValue()))
                .containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(events.getLast().name()).isEqualTo("status");
        Event last = events.get(events.size() - 2);
        assertThat(last.name()).as("the final metrics before the terminal status").isEqualTo("metrics");
        assertThat(last.json().get("iteration").intValue()).isEqualTo(199_999);

        List<Event> thinned = events.stream().filter(e -> e.name().equals("thinned")).toList();
        assertThat(thinned).hasSize(1);
        long every = journal.metricsEvery();
        assertThat(every).isGreaterThanOrEqualTo(256).isEqualTo(Long.highestOneBit(every));
        assertThat(thinned.getFirst().data()).isEqualTo("{\"metricsEvery\":" + every + ",\"limitBytes\":" + LIMIT + "}");

        List<Integer> iterations = events.stream().filter(e -> e.name().equals("metrics")).map(e -> e.json().get("iteration").intValue())
                .toList();
        assertThat(iterations.size()).as("metrics kept").isBetween(64, 300);
        assertThat(iterations.subList(0, iterations.size() - 1)).allMatch(i -> i % every == 0);
        assertThat(journal.history()).extracting(TrainingMetrics::iteration).containsExactlyElementsOf(iterations);
        assertThat(journal.metricsAt(199_999).iteration()).isEqualTo(199_999);
        assertThat(journal.metricsAt((int) every)).isNotNull();
        assertThat(journal.metricsAt(1)).isNull();
    }

    @Test
    void keptEventsCarryTheDataOfTheirIterationByteForByte() throws Exception {
        JobJournal journal = new JobJournal(64 << 10, 10, JSON::writeValueAsString);
        journal.status(JobStatus.RUNNING, null);
        List<TrainingMetrics> logged = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            TrainingMetrics m = new TrainingMetrics(10 * i, 0.5 + i, 0.75, new float[] {i, -i}, i / 3f, 7_000L * i);
            logged.add(m);
            journal.metrics(m);
        }
        journal.end(JobStatus.CANCELLED, null);
        List<Event> metrics = events(journal).stream().filter(e -> e.name().equals("metrics")).toList();
        assertThat(metrics.size()).isLessThan(logged.size() / 8);
        for (Event e : metrics) {
            TrainingMetrics m = logged.get(e.json().get("iteration").intValue() / 10);
            assertThat(e.data()).isEqualTo(JSON.writeValueAsString(JobJournal.metricsJson(m)));
            assertThat(journal.metricsAt(m.iteration())).isSameAs(m);
        }
        assertThat(metrics.getLast().json().get("iteration").intValue()).isEqualTo(49_990);
    }

    @Test
    void aJobWithinTheCapKeepsEveryEventWithConsecutiveIds() throws Exception {
        JobJournal journal = new JobJournal(LIMIT, 20, JSON::writeValueAsString);
        journal.status(JobStatus.QUEUED, null);
        journal.status(JobStatus.RUNNING, null);
        for (int i = 0; i <= 540; i += 20) journal.metrics(new TrainingMetrics(i, 0.1, 0.9, new float[] {1f, 2f}, 3f, i));
        journal.end(JobStatus.FAILED, "boom");
        List<Event> events = events(journal);
        assertThat(events).extracting(Event::id).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 31).boxed().toList());
        assertThat(events).noneMatch(e -> e.name().equals("thinned"));
        assertThat(events.getLast().data()).isEqualTo("{\"status\":\"FAILED\",\"error\":\"boom\"}");
        assertThat(journal.history()).hasSize(28);
        assertThat(journal.metricsEvery()).isEqualTo(20);
    }

    private static List<Event> events(JobJournal journal) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        journal.events().writeAfter(0, out);
        List<Event> events = new ArrayList<>();
        for (String block : out.toString(StandardCharsets.UTF_8).split("\n\n")) {
            String[] lines = block.split("\n");
            events.add(new Event(Long.parseLong(lines[0].substring(4)), lines[1].substring(7), lines[2].substring(6)));
        }
        return events;
    }
}
