package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.store.DebianPostgres;
import java.io.BufferedReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of the packaged service on one PostgreSQL: a job posted to A is streamed from B, which shows A's
 * changes once A has committed them (within a write interval); a cancel sent to B
 * stops a job running on A within a second; A is killed with {@code kill -9} and B takes the job over once A's lease
 * has expired, goes on from its checkpoint, and ends it with the numbers of an uninterrupted run, while the client,
 * resuming from B with Last-Event-ID, sees every event id once.
 */
class MultiReplicaIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final String JOB = """
            {"seed": 3, "data": {"synthetic": {"samplesPerClass": 4000, "features": 32}}, "maxIterations": 20000, "targetAccuracy": 2.0,
             "logEvery": 100}""";
    private static final String ENDLESS = """
            {"maxIterations": 1000000, "targetAccuracy": 2.0, "logEvery": 1000}""";

    @Test
    void aJobPostedToOneReplicaIsStreamedCancelledAndTakenOverByTheOther() throws Exception {
        try (DebianPostgres postgres = DebianPostgres.start()) {
            List<String> settings = List.of("--backprop.store.type=external", "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=postgres", "--backprop.store.lease-timeout=" + LEASE.toSeconds() + "s");
            RunningService a = RunningService.start(settings);
            RunningService b = RunningService.start(settings);
            try {
                cancelSentToBStopsAJobRunningOnA(a, b);
                takenOverByB(a, b);
            } finally {
                a.kill();
                b.stop();
            }
        }
    }

    private void cancelSentToBStopsAJobRunningOnA(RunningService a, RunningService b) throws Exception {
        String id = JSON.readTree(a.post("/jobs", ENDLESS)).get("id").stringValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> a.get("/jobs/" + id).contains("\"status\":\"RUNNING\""));
        // B shows what A has committed: A writes a job's changes every write-interval (250ms), B follows by NOTIFY
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> JSON.readTree(b.get("/jobs/" + id)).get("status").stringValue(), "RUNNING"::equals);
        long asked = System.nanoTime();
        assertThat(b.send("POST", "/jobs/" + id + "/cancel", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> a.get("/jobs/" + id).contains("\"status\":\"CANCELLED\""));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("from the cancel sent to B to the job's end on A")
                .isLessThan(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> b.get("/jobs/" + id).contains("\"status\":\"CANCELLED\""));
    }

    private void takenOverByB(RunningService a, RunningService b) throws Exception {
        String id = JSON.readTree(a.post("/jobs", JOB)).get("id").stringValue();
        List<StreamEvent> seen = new ArrayList<>();
        try (BufferedReader lines = b.stream("/jobs/" + id + "/events", null)) {
            for (StreamEvent e = StreamEvent.next(lines); e != null; e = StreamEvent.next(lines)) {
                seen.add(e);
                if (e.name().equals("metrics") && e.data().get("iteration").intValue() >= 2000) break;
            }
        }
        java.time.Instant killed = java.time.Instant.now();
        a.kill();
        List<StreamEvent> all = new ArrayList<>(seen);
        all.addAll(b.eventsUntilEnd(id, seen.getLast().id()));
        assertThat(all).extracting(StreamEvent::id).containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
        assertThat(all.getLast().data().toString()).isEqualTo("{\"status\":\"SUCCEEDED\"}");

        Matcher takenOver = Pattern.compile("(\\S+) .*job " + id + " is taken over").matcher(b.log());
        assertThat(takenOver.find()).as("B's log:\n%s", b.log()).isTrue();
        assertThat(Duration.between(killed, java.time.Instant.parse(takenOver.group(1)))).as("from the kill to the take-over")
                .isLessThan(LEASE.plusSeconds(2));
        Matcher resumed = Pattern.compile("job " + id + " goes on from iteration (\\d+) after a restart").matcher(b.log());
        assertThat(resumed.find()).isTrue();
        assertThat(Integer.parseInt(resumed.group(1))).isGreaterThan(seen.getLast().data().get("iteration").intValue());

        String again = JSON.readTree(b.post("/jobs", JOB)).get("id").stringValue();
        await().atMost(Duration.ofSeconds(120)).until(() -> b.get("/jobs/" + again).contains("\"status\":\"SUCCEEDED\""));
        JsonNode taken = JSON.readTree(b.get("/jobs/" + id)).get("result");
        JsonNode uninterrupted = JSON.readTree(b.get("/jobs/" + again)).get("result");
        for (String field : List.of("weights", "bias", "loss", "accuracy", "iterations")) {
            assertThat(taken.get(field)).as(field).isEqualTo(uninterrupted.get(field));
        }
    }
}
