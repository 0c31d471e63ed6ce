package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.memory.Pools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Jobs within a small jobs' memory pool: thinned journals, bounded points, admission and eviction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.memory.jobs=16MB",
        "backprop.jobs.max-log-bytes=256KB",
        "backprop.jobs.max-points=100"})
class JobMemoryTest extends ApiTest {
    /** About 9.4 MB of the pool while it runs: 10,800 × 64 synthetic values, made at 3.25 floats each. */
    private static final String LARGE_ENDLESS = """
            {"data": {"synthetic": {"samplesPerClass": 5400, "features": 64}}, "maxIterations": 1000000, "targetAccuracy": 2.0,
             "logEvery": 1000}""";

    @Autowired
    Pools pools;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void cancelWhatRuns() {
        for (String id : started) api.post("/jobs/" + id + "/cancel");
        for (String id : started) {
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/jobs/" + id).status() == 404 || !List.of("QUEUED", "RUNNING")
                    .contains(status(id)));
        }
    }

    private String start(String spec) {
        String id = api.post("/jobs", spec).expect(202).json().get("id").stringValue();
        started.add(id);
        return id;
    }

    private String status(String id) {
        return api.get("/jobs/" + id).expect(200).json().get("status").stringValue();
    }

    private List<Sse.Event> events(String id) throws Exception {
        return Sse.read(api.base() + "/jobs/" + id + "/events", null);
    }

    @Test
    void theProbeOfALongJobLoggingEveryIterationIsThinnedAndEndsWithItsFinalMetrics() throws Exception {
        String id = start("""
                {"maxIterations": 50000, "logEvery": 1, "targetAccuracy": 2,
                 "data": {"synthetic": {"samplesPerClass": 1, "features": 1024}}}""");
        List<Sse.Event> live = events(id);
        List<Long> strides = live.stream().filter(e -> e.name().equals("thinned")).map(e -> e.data().get("metricsEvery").longValue())
                .toList();
        // the log keeps only the latest thinning, and a stream sends what the log holds when it writes (every 50 ms at
        // most), so how many thinnings a live subscriber sees depends on the pace of the job against the stream's
        assertThat(strides).as("what a live subscriber sees of the thinnings").isNotEmpty().isSorted().doesNotHaveDuplicates()
                .allMatch(every -> every == Long.highestOneBit(every));

        List<Sse.Event> events = events(id);
        assertThat(events).extracting(Sse.Event::id).isSorted().doesNotHaveDuplicates();
        assertThat(events.stream().filter(e -> e.name().equals("status")).map(e -> e.data().get("status").stringValue()))
                .containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
        List<Sse.Event> thinned = events.stream().filter(e -> e.name().equals("thinned")).toList();
        assertThat(thinned).as("what a late subscriber sees: the latest thinning").hasSize(1);
        assertThat(thinned.getFirst().data().get("metricsEvery").longValue()).isEqualTo(strides.getLast());
        assertThat(thinned.getFirst().data().get("limitBytes").longValue()).isEqualTo(256 << 10);
        long every = thinned.getFirst().data().get("metricsEvery").longValue();
        assertThat(every).isGreaterThanOrEqualTo(2048);
        List<Sse.Event> metrics = events.stream().filter(e -> e.name().equals("metrics")).toList();
        assertThat(metrics.size()).as("12 KB metrics in 256 KB").isBetween(4, 21);
        assertThat(metrics.getLast().data().get("iteration").intValue()).isEqualTo(49_999);
        assertThat(metrics.subList(0, metrics.size() - 1)).allMatch(e -> e.data().get("iteration").intValue() % every == 0);
        assertThat(events.get(events.size() - 2)).isSameAs(metrics.getLast());

        JsonNode job = api.get("/jobs/" + id).expect(200).json();
        assertThat(job.get("metrics").get("iteration").intValue()).isEqualTo(49_999);
        assertThat(job.get("result").get("iterations").intValue()).isEqualTo(50_000);
        List<Sse.Event> resumed = Sse.read(api.base() + "/jobs/" + id + "/events", "1");
        assertThat(resumed).containsExactlyElementsOf(events.subList(1, events.size()));
        long dropped = metrics.get(1).id() - 1;
        assertThat(Sse.read(api.base() + "/jobs/" + id + "/events", Long.toString(dropped)).getFirst().id()).isEqualTo(metrics.get(1).id());
    }

    @Test
    void pointsAreAnEvenSampleOfAtMostMaxPointsWhileTheJobRunsAndAfter() {
        String id = start("""
                {"data": {"synthetic": {"samplesPerClass": 1000, "features": 2}}, "maxIterations": 1000000, "targetAccuracy": 2.0,
                 "logEvery": 100}""");
        JsonNode running = api.get("/jobs/" + id + "/points").expect(200).json();
        assertThat(running.get("x")).hasSize(100);
        assertThat(running.get("x").get(0)).hasSize(2);
        assertThat(running.get("y")).hasSize(100);
        for (int i = 0; i < 100; i++) assertThat(running.get("y").get(i).doubleValue()).isEqualTo(i < 50 ? 0.0 : 1.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/jobs/" + id).json().get("metrics").isObject());
        api.post("/jobs/" + id + "/cancel").expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("CANCELLED"));
        assertThat(api.get("/jobs/" + id + "/points").expect(200).json()).isEqualTo(running);
        assertThat(api.get("/jobs/" + id + "/plot", "image/svg+xml").expect(200).body()).contains("<svg");
        assertThat(api.post("/jobs/" + id + "/predict", "{\"x\": [[3, 3], [-3, -3]]}").expect(200).json().get("classes").size()).isEqualTo(2);
    }

    @Test
    void aJobOnASessionsTensorsIsAdmittedByTheirShape() throws Exception {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "train_x", "data": [[2, 2], [1.5, 2.5], [3, 1], [-2, -1], [-1, -2.5], [-3, -2]]}""").expect(201);
            s.tensor("""
                    {"name": "train_y", "data": [0, 0, 0, 1, 1, 1]}""").expect(201);
            String id = start("""
                    {"data": {"session": {"id": "%s", "x": "train_x", "y": "train_y"}}, "maxIterations": 200, "logEvery": 10}"""
                    .formatted(s.id()));
            assertThat(events(id).getLast().data().get("status").stringValue()).isEqualTo("SUCCEEDED");
            assertThat(api.get("/jobs/" + id + "/points").expect(200).json().get("y")).hasSize(6);
            JsonNode p = api.post("/jobs/" + id + "/predict", "{\"x\": [[4, 4], [-4, -4]]}").expect(200).json();
            assertThat(p.get("classes").get(0).intValue()).isZero();
            assertThat(p.get("classes").get(1).intValue()).isOne();

            s.op("""
                    {"ops": [{"op": "zeros", "attrs": {"size": [200000, 64]}, "out": "big_x"},
                             {"op": "zeros", "attrs": {"size": [200000]}, "out": "big_y"}], "returns": "none"}""").expect(200);
            assertThat(api.post("/jobs", """
                    {"data": {"session": {"id": "%s", "x": "big_x", "y": "big_y"}}}""".formatted(s.id()))
                    .problem(413, "job-too-large").get("detail").stringValue())
                    .isEqualTo("a job of 200000 samples × 64 features needs 55.8 MiB of memory (its data while it trains, its log "
                            + "and its points); the jobs' memory holds 16.0 MiB in all");
        }
    }

    @Test
    void aJobThatDoesNotFitBesideRunningJobsIs429UntilTheyFreeTheirData() throws Exception {
        api.post("/jobs", """
                {"data": {"synthetic": {"samplesPerClass": 20000, "features": 64}}, "maxIterations": 10}""")
                .problem(413, "job-too-large");
        String done = start("{\"seed\": 1}");
        assertThat(events(done).getLast().data().get("status").stringValue()).isEqualTo("SUCCEEDED");
        String first = start(LARGE_ENDLESS);
        long whileRunning = pools.jobs().reserved();
        Api.Response refused = api.post("/jobs", LARGE_ENDLESS);
        JsonNode problem = refused.problem(429, "job-memory-quota");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(problem.get("detail").stringValue()).startsWith("a job of 10800 samples × 64 features needs 9.0 MiB of memory; "
                + "running and queued jobs hold 9.0 MiB of the jobs' 16.0 MiB; retry when one has finished");
        assertThat(api.get("/jobs/" + done).status()).as("a finished job, not evicted when that would not make room").isEqualTo(200);

        api.post("/jobs/" + first + "/cancel").expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(first).equals("CANCELLED"));
        assertThat(whileRunning - pools.jobs().reserved()).as("the cancelled job's data, given back").isGreaterThan(9_000_000);
        String second = start(LARGE_ENDLESS);
        assertThat(status(second)).isIn("QUEUED", "RUNNING");
    }

    @Test
    void finishedJobsAreEvictedOldestFirstToAdmitANewOne() throws Exception {
        // Each keeps up to 256 KB of journal and 100 points of 1,024 features (410 KB) once finished. They fill the
        // pool until the large job lacks at least 1 MB more than the other tests' finished jobs hold (all that is
        // reserved now, the other tests' jobs having ended), so that one of these must go for it.
        String keeper = """
                {"data": {"synthetic": {"samplesPerClass": 100, "features": 1024}}, "maxIterations": 100, "logEvery": 1,
                 "targetAccuracy": 2.0}""";
        List<String> finished = new ArrayList<>();
        long othersFinished = pools.jobs().reserved();
        while (pools.jobs().capacity() - pools.jobs().reserved() >= 8_400_000 - othersFinished) {
            long before = pools.jobs().reserved();
            String id = start(keeper);
            assertThat(events(id).getLast().data().get("status").stringValue()).isEqualTo("SUCCEEDED");
            // the unused part of its log's cap is given back just after the terminal event is published
            await().atMost(Duration.ofSeconds(10)).until(() -> pools.jobs().reserved() - before <= 700_000);
            finished.add(id);
        }
        assertThat(finished.size()).isGreaterThan(5);
        start(LARGE_ENDLESS);
        List<Boolean> kept = finished.stream().map(id -> api.get("/jobs/" + id).status() == 200).toList();
        assertThat(kept.getFirst()).as("the oldest finished job, evicted").isFalse();
        assertThat(kept.getLast()).isTrue();
        assertThat(kept.subList(kept.indexOf(true), kept.size())).as("evicted oldest first").doesNotContain(false);
        assertThat(pools.jobs().reserved()).isLessThanOrEqualTo(pools.jobs().capacity());
    }
}
