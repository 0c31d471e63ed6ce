package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.store.DebianPostgres;
import dev.backprop.store.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of the packaged service in the middle of a 20,000-iteration job, then a new process on the same
 * store: the job goes on from its last checkpoint and ends with exactly the numbers of an uninterrupted run of the same
 * spec (which the second process then runs), and a
 * client that follows its events across the crash, resuming with Last-Event-ID, sees ids 1..N with no gap and no
 * repeat and every logged iteration once. On the embedded store (whose server the killed JVM leaves running) and
 * on a server of Debian's PostgreSQL.
 */
class CrashResumeIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ITERATIONS = 20_000, LOG_EVERY = 100;
    private static final String JOB = """
            {"seed": 7, "data": {"synthetic": {"samplesPerClass": 4000, "features": 32}}, "optimizer": {"type": "adam", "lr": 0.001},
             "maxIterations": 20000, "targetAccuracy": 2.0, "logEvery": 100}""";

    @Test
    void onTheEmbeddedStore() throws Exception {
        Path folder = Files.createTempDirectory("backprop-crash");
        try {
            crashAndResume(List.of("--backprop.store.type=embedded", "--backprop.store.path=" + folder));
        } finally {
            Folders.delete(folder);
        }
    }

    @Test
    void onPostgres() throws Exception {
        try (DebianPostgres server = DebianPostgres.start()) {
            crashAndResume(List.of("--backprop.store.type=external", "--spring.datasource.url=" + server.jdbcUrl(),
                    "--spring.datasource.username=postgres"));
        }
    }

    private void crashAndResume(List<String> store) throws Exception {
        RunningService first = RunningService.start(store);
        List<StreamEvent> seen = new ArrayList<>();
        String id;
        try {
            id = JSON.readTree(first.post("/jobs", JOB)).get("id").stringValue();
            try (var lines = first.stream("/jobs/" + id + "/events", null)) {
                for (StreamEvent e = StreamEvent.next(lines); e != null; e = StreamEvent.next(lines)) {
                    seen.add(e);
                    if (e.name().equals("metrics") && e.data().get("iteration").intValue() >= 2000) break;
                }
                first.kill();
            }
        } finally {
            first.kill();
        }
        assertThat(seen.getLast().data().get("iteration").intValue()).isLessThan(ITERATIONS - LOG_EVERY);

        RunningService second = RunningService.start(store);
        try {
            // on a shared server the job is taken over once the dead process's lease has expired; until then it is shown from the store
            await().atMost(Duration.ofSeconds(60)).until(() -> second.get("/jobs/" + id).contains("\"id\":\"" + id + "\""));
            List<StreamEvent> all = new ArrayList<>(seen);
            all.addAll(second.eventsUntilEnd(id, seen.getLast().id()));
            assertThat(all).extracting(StreamEvent::id).containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(all.getLast().data().toString()).isEqualTo("{\"status\":\"SUCCEEDED\"}");
            List<JsonNode> metrics = all.stream().filter(e -> e.name().equals("metrics")).map(StreamEvent::data).toList();
            assertThat(metrics).extracting(m -> m.get("iteration").intValue())
                    .containsExactlyElementsOf(IntStream.range(0, ITERATIONS / LOG_EVERY).map(i -> i * LOG_EVERY).boxed().toList());

            // the same spec, run without a crash by the same service
            String again = JSON.readTree(second.post("/jobs", JOB)).get("id").stringValue();
            List<JsonNode> uninterrupted = new ArrayList<>();
            try (var lines = second.stream("/jobs/" + again + "/events", null)) {
                for (StreamEvent e = StreamEvent.next(lines); e != null; e = StreamEvent.next(lines)) {
                    if (e.name().equals("metrics")) uninterrupted.add(e.data());
                }
            }
            assertThat(metrics).hasSameSizeAs(uninterrupted);
            for (int i = 0; i < metrics.size(); i++) {
                for (String field : List.of("iteration", "loss", "accuracy", "weights", "bias")) {
                    assertThat(metrics.get(i).get(field)).as("%s at %d", field, i).isEqualTo(uninterrupted.get(i).get(field));
                }
            }
            JsonNode resumedResult = JSON.readTree(second.get("/jobs/" + id)).get("result");
            JsonNode uninterruptedResult = JSON.readTree(second.get("/jobs/" + again)).get("result");
            for (String field : List.of("weights", "bias", "loss", "accuracy", "iterations")) {
                assertThat(resumedResult.get(field)).as(field).isEqualTo(uninterruptedResult.get(field));
            }
            assertThat(resumedResult.get("iterations").intValue()).isEqualTo(ITERATIONS);

            Matcher resumed = Pattern.compile("job " + id + " goes on from iteration (\\d+) after a restart").matcher(second.log());
            assertThat(resumed.find()).as("the second process's log:\n%s", second.log()).isTrue();
            assertThat(Integer.parseInt(resumed.group(1))).as("the checkpoint's iteration").isPositive()
                    .isGreaterThan(seen.getLast().data().get("iteration").intValue());
        } finally {
            second.stop();
        }
    }
}
