package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** The packaged service in a process of its own, started with extra settings, and a client of it. */
record RunningService(Process process, String base, Path logFile) {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static RunningService start(List<String> settings) throws Exception {
        int port = freePort(), management = freePort();
        Path log = Files.createTempFile("backprop-service", ".log");
        List<String> command = new ArrayList<>(List.of(PackagedService.java(), "--add-modules=jdk.incubator.vector", "-jar",
                PackagedService.jar().toString(), "--server.port=" + port, "--management.server.port=" + management,
                "--server.address=127.0.0.1"));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningService service = new RunningService(process, "http://127.0.0.1:" + port + "/api/v1", log);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) throw new AssertionError("the service exited:\n" + service.log());
                    return service.get("/sessions") != null;
                });
        return service;
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (json != null) request.header("Content-Type", "application/json");
        return CLIENT.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
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

    /**
     * The job's events after {@code lastEventId} until its terminal one, reconnecting with Last-Event-ID whenever the
     * service ends the stream before (as an EventSource does): a replica that takes the job over ends the streams it
     * served from the store.
     */
    List<StreamEvent> eventsUntilEnd(String job, long lastEventId) throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        long last = lastEventId;
        while (events.isEmpty() || !isEnd(events.getLast())) {
            try (BufferedReader lines = stream("/jobs/" + job + "/events", Long.toString(last))) {
                for (StreamEvent e = StreamEvent.next(lines); e != null; e = StreamEvent.next(lines)) events.add(e);
            }
            if (!events.isEmpty()) last = events.getLast().id();
        }
        return events;
    }

    private static boolean isEnd(StreamEvent e) {
        return e.name().equals("status") && !List.of("QUEUED", "RUNNING").contains(e.data().get("status").stringValue());
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
