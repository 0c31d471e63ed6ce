package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.store.DebianPostgres;
import dev.backprop.store.Folders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
        Service first = Service.start(store);
        List<Event> seen = new ArrayList<>();
        String id;
        try {
            id = JSON.readTree(first.post("/jobs", JOB)).get("id").stringValue();
            try (var lines = first.stream("/jobs/" + id + "/events", null)) {
                for (Event e = Event.next(lines); e != null; e = Event.next(lines)) {
                    seen.add(e);
                    if (e.name().equals("metrics") && e.data().get("iteration").intValue() >= 2000) break;
                }
                first.kill();
            }
        } finally {
            first.kill();
        }
        assertThat(seen.getLast().data().get("iteration").intValue()).isLessThan(ITERATIONS - LOG_EVERY);

        Service second = Service.start(store);
        try {
            // on a shared server the job is taken over once the dead process's lease has expired
            await().atMost(Duration.ofSeconds(60)).until(() -> second.get("/jobs/" + id).contains("\"id\":\"" + id + "\""));
            List<Event> all = new ArrayList<>(seen);
            try (var lines = second.stream("/jobs/" + id + "/events", Long.toString(seen.getLast().id()))) {
                for (Event e = Event.next(lines); e != null; e = Event.next(lines)) all.add(e);
            }
            assertThat(all).extracting(Event::id).containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(all.getLast().data().toString()).isEqualTo("{\"status\":\"SUCCEEDED\"}");
            List<JsonNode> metrics = all.stream().filter(e -> e.name().equals("metrics")).map(Event::data).toList();
            assertThat(metrics).extracting(m -> m.get("iteration").intValue())
                    .containsExactlyElementsOf(IntStream.range(0, ITERATIONS / LOG_EVERY).map(i -> i * LOG_EVERY).boxed().toList());

            // the same spec, run without a crash by the same service
            String again = JSON.readTree(second.post("/jobs", JOB)).get("id").stringValue();
            List<JsonNode> uninterrupted = new ArrayList<>();
            try (var lines = second.stream("/jobs/" + again + "/events", null)) {
                for (Event e = Event.next(lines); e != null; e = Event.next(lines)) {
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

    record Event(long id, String name, JsonNode data) {
        /** The next event of a {@code text/event-stream}, or null at its end (the server closed it or died). */
        static Event next(BufferedReader lines) {
            long id = -1;
            String name = null, data = null;
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4));
                    else if (line.startsWith("event: ")) name = line.substring(7);
                    else if (line.startsWith("data: ")) data = line.substring(6);
                    else if (line.isEmpty() && data != null) return new Event(id, name, JSON.readTree(data));
                }
            } catch (java.io.IOException ended) {
                return null;
            }
            return null;
        }
    }

    /** The packaged service in a process of its own. */
    private record Service(Process process, String base, Path logFile) {
        static Service start(List<String> store) throws Exception {
            int port = freePort(), management = freePort();
            Path log = Files.createTempFile("backprop-crash", ".log");
            List<String> command = new ArrayList<>(List.of(PackagedService.java(), "--add-modules=jdk.incubator.vector", "-jar",
                    PackagedService.jar().toString(), "--server.port=" + port, "--management.server.port=" + management,
                    "--server.address=127.0.0.1"));
            command.addAll(store);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Service service = new Service(process, "http://127.0.0.1:" + port + "/api/v1", log);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) throw new AssertionError("the service exited:\n" + service.log());
                        return service.get("/sessions") != null;
                    });
            return service;
        }

        String get(String path) throws Exception {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        String post(String path, String json) throws Exception {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            return r.body();
        }

        BufferedReader stream(String path, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream");
            if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
            HttpResponse<java.io.InputStream> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            return new BufferedReader(new InputStreamReader(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }

        /** {@code kill -9}. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        /** SIGTERM, and the wait for the exit. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }

        String log() {
            try {
                return Files.readString(logFile);
            } catch (java.io.IOException e) {
                return "(no log: " + e + ")";
            }
        }

        private static int freePort() throws Exception {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }
    }
}
