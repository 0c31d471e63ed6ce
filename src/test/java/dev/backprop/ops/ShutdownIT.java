package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With jobs in memory ({@code backprop.store.type=memory}), SIGTERM to the packaged service while a job runs and two event streams are open: both streams get the
 * terminal event, the job ends in a terminal state, and the process exits in under 10 s.
 */
class ShutdownIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void sigtermEndsJobsAndStreamsAndExitsQuickly() throws Exception {
        int port = freePort(), management = freePort();
        Path jar = PackagedService.jar();
        Path log = Files.createTempFile("backprop", ".log");
        Process service = new ProcessBuilder(PackagedService.java(),
                "--add-modules=jdk.incubator.vector", "-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=" + management, "--server.address=127.0.0.1", "--backprop.shutdown.job-grace=1s",
                "--backprop.store.type=memory")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port + "/api/v1";
            waitUntilUp(base, service);
            String job = post(base + "/jobs", "{\"maxIterations\": 1000000, \"targetAccuracy\": 2.0, \"logEvery\": 1000}");
            String id = job.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<List<String>>> streams = new ArrayList<>();
                for (int i = 0; i < 2; i++) streams.add(pool.submit(() -> dataLines(base + "/jobs/" + id + "/events")));
                for (int i = 0; i < 200 && !get(base + "/jobs/" + id).contains("\"RUNNING\""); i++) Thread.sleep(25);
                assertThat(get(base + "/jobs/" + id)).contains("\"status\":\"RUNNING\"");
                Thread.sleep(300);

                long start = System.nanoTime();
                service.destroy();
                assertThat(service.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s; log:\n" + Files.readString(log)).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                for (Future<List<String>> stream : streams) {
                    List<String> data = stream.get(5, TimeUnit.SECONDS);
                    assertThat(data.getLast()).isEqualTo("{\"status\":\"CANCELLED\"}");
                }
            }
        } finally {
            service.destroyForcibly();
        }
    }

    private static List<String> dataLines(String url) throws Exception {
        HttpResponse<Stream<String>> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        return r.body().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).trim()).toList();
    }

    private static void waitUntilUp(String base, Process service) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (!service.isAlive()) throw new IllegalStateException("the service exited");
            try {
                get(base + "/sessions");
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the service did not start");
    }

    private static String get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String url, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
