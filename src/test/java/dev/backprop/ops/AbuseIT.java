package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.store.Folders;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one client can do to the service, tried on the packaged service with a small heap ({@code -Xmx256m}):
 * each abuse ends in a 4xx or 503 problem+json for the abuser (or, for the job that logs too much, in a
 * log that stays within its cap), another client meanwhile runs the seed's walkthrough and gets PyTorch's
 * answers, after each the service answers a health check and a normal op within a second, and no
 * OutOfMemoryError ever appears in its log.
 */
class AbuseIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The abuser is another client: it connects from another loopback address. */
    private static final String ABUSER_ADDRESS = "127.0.0.2";

    private static Process service;
    private static Path log;
    private static int port;
    private static String base;
    private static String health;
    private static Path store;

    @BeforeAll
    static void start() throws Exception {
        port = freePort();
        int management = freePort();
        log = Files.createTempFile("backprop-abuse", ".log");
        service = new ProcessBuilder(PackagedService.java(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "--add-modules=jdk.incubator.vector", "-jar", PackagedService.jar().toString(),
                "--server.port=" + port, "--management.server.port=" + management, "--server.address=127.0.0.1",
                "--management.server.address=127.0.0.1", "--backprop.limits.time-budget=1s", "--backprop.limits.body-read-timeout=5s",
                "--backprop.store.path=" + (store = Files.createTempDirectory("backprop-abuse-store")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = "http://127.0.0.1:" + port + "/api/v1";
        health = "http://127.0.0.1:" + management + "/actuator/health/liveness";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> service.isAlive() && send("GET", "/sessions", null).statusCode() == 200);
    }

    @AfterEach
    void theServiceStillAnswersWithinASecond() throws Exception {
        HttpResponse<String> live = CLIENT.send(HttpRequest.newBuilder(URI.create(health)).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        String s = newSession();
        HttpResponse<String> op = CLIENT.send(HttpRequest.newBuilder(URI.create(base + s + "/ops")).timeout(Duration.ofSeconds(1))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"op": "ones", "attrs": {"size": [2]}, "out": "two"}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(op.statusCode()).as(op.body()).isEqualTo(200);
        expect(send("DELETE", s, null), 204);
    }

    @AfterAll
    static void noOutOfMemoryError() throws Exception {
        try {
            assertThat(service.isAlive()).as("the service is still running").isTrue();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
            service.destroyForcibly();
            Folders.delete(store);
        }
    }

    @Test
    void aJobLoggingEveryIterationOf1024FeaturesKeepsItsLogWithinItsCap() throws Exception {
        HttpResponse<String> created = send("POST", "/jobs", """
                {"maxIterations": 1000000, "logEvery": 1, "targetAccuracy": 2,
                 "data": {"synthetic": {"samplesPerClass": 1, "features": 1024}}}""");
        String id = json(expect(created, 202)).get("id").stringValue();
        new SeedClient(base).walkthrough();
        await().atMost(Duration.ofSeconds(60)).until(() -> json(send("GET", "/jobs/" + id, null)).path("metrics").path("iteration").asInt() > 5_000);
        expect(send("POST", "/jobs/" + id + "/cancel", null), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> json(send("GET", "/jobs/" + id, null)).get("status").stringValue().equals("CANCELLED"));
        HttpResponse<String> events = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + id + "/events")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(events.body().length()).isLessThan(4 * 1024 * 1024 + 64 * 1024);
        assertThat(events.body()).contains("event: thinned").endsWith("data: {\"status\":\"CANCELLED\"}\n\n");
    }

    @Test
    void threeSessionsOfZeros4096x4096() throws Exception {
        List<String> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) sessions.add(newSession());
            for (String s : sessions) {
                // 64 MiB of values: more than one request may hold at this heap, whether the answer carries them or not.
                problem(send("POST", s + "/ops", """
                        {"op": "zeros", "attrs": {"size": [4096, 4096]}, "out": "z"}"""), 413, "request-memory");
                problem(send("POST", s + "/ops?data=false", """
                        {"op": "zeros", "attrs": {"size": [4096, 4096]}, "out": "z"}"""), 413, "request-memory");
            }
            for (String s : sessions.subList(0, 2)) {
                expect(send("POST", s + "/ops?data=false", """
                        {"op": "zeros", "attrs": {"size": [4096, 2048]}, "out": "z"}"""), 200);
            }
            problem(send("POST", sessions.get(2) + "/ops?data=false", """
                    {"op": "zeros", "attrs": {"size": [4096, 2048]}, "out": "z"}"""), 429, "total-bytes-quota");
            problem(send("GET", sessions.get(0) + "/tensors/z", null), 413, "answer-too-large");
            new SeedClient(base).walkthrough();
        } finally {
            for (String s : sessions) send("DELETE", s, null);
        }
    }

    @Test
    void twoHundredThousandEmptyTensorsHoldNoBytesButReachTheQuotas() throws Exception {
        List<String> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) sessions.add(newSession());
            // each holds no data; their objects fill a session's count (100,000) and then the sessions' share of the heap
            for (int batch = 0; batch < 10; batch++) expect(send("POST", sessions.get(0) + "/ops", emptyTensors(batch)), 200);
            problem(send("POST", sessions.get(0) + "/ops", emptyTensors(10)), 429, "session-objects-quota");
            int accepted = 0;
            HttpResponse<String> r;
            while ((r = send("POST", sessions.get(1) + "/ops", emptyTensors(accepted))).statusCode() == 200) accepted++;
            problem(r, 429, "total-bytes-quota");
            assertThat(accepted).as("batches of 10,000 empty tensors the second session took").isBetween(1, 9);
        } finally {
            for (String s : sessions) send("DELETE", s, null);
        }
        new SeedClient(base).walkthrough();
    }

    private static String emptyTensors(int batch) {
        StringBuilder ops = new StringBuilder("{\"returns\": \"none\", \"ops\": [");
        for (int i = 0; i < 10_000; i++) {
            ops.append(i == 0 ? "" : ", ").append("{\"op\": \"zeros\", \"attrs\": {\"size\": [0]}, \"out\": \"e")
                    .append(batch).append('_').append(i).append("\"}");
        }
        return ops.append("]}").toString();
    }

    @Test
    void aBatchOf60AddsOnAMillionElements() throws Exception {
        String s = newSession();
        try {
            expect(send("POST", s + "/ops?data=false", """
                    {"op": "ones", "attrs": {"size": [1000, 1000]}, "out": "x"}"""), 200);
            StringBuilder ops = new StringBuilder("{\"ops\": [");
            for (int i = 0; i < 60; i++) ops.append(i == 0 ? "" : ", ").append("{\"op\": \"add\", \"inputs\": [\"x\", 1], \"out\": \"y\"}");
            problem(send("POST", s + "/ops", ops.append("]}").toString()), 413, "request-memory");
            problem(send("GET", s + "/tensors/y", null), 404, "tensor-not-found");
            new SeedClient(base).walkthrough();
        } finally {
            send("DELETE", s, null);
        }
    }

    @Test
    void aJobOf2000000x32AndACancelledJobLeaveMemoryForOthers() throws Exception {
        problem(send("POST", "/jobs", """
                {"maxIterations": 1000000, "targetAccuracy": 2,
                 "data": {"synthetic": {"samplesPerClass": 1000000, "features": 32}}}"""), 413, "job-too-large");
        String id = json(expect(send("POST", "/jobs", """
                {"maxIterations": 1000000, "targetAccuracy": 2, "logEvery": 1000,
                 "data": {"synthetic": {"samplesPerClass": 25000, "features": 32}}}"""), 202)).get("id").stringValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> json(send("GET", "/jobs/" + id, null)).get("status").stringValue().equals("RUNNING"));
        expect(send("POST", "/jobs/" + id + "/cancel", null), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> json(send("GET", "/jobs/" + id, null)).get("status").stringValue().equals("CANCELLED"));
        assertThat(json(expect(send("GET", "/jobs/" + id + "/points", null), 200)).get("x").size()).isLessThanOrEqualTo(2000);
        new SeedClient(base).walkthrough();
    }

    @Test
    void aBatchOfTenThousandSumsOverEightMillionValuesPastTheTimeBudget() throws Exception {
        String s = newSession();
        try {
            // each sum reads 32 MB and keeps 4 bytes: seconds of work in all, a few kilobytes of memory
            expect(send("POST", s + "/ops?data=false", """
                    {"op": "full", "attrs": {"size": [2048, 4096], "fill_value": 0.5}, "out": "a"}"""), 200);
            StringBuilder ops = new StringBuilder("{\"returns\": \"none\", \"ops\": [");
            for (int i = 0; i < 10_000; i++) ops.append(i == 0 ? "" : ", ").append("{\"op\": \"sum\", \"inputs\": [\"a\"], \"out\": \"s\"}");
            HttpResponse<String> r = send("POST", s + "/ops", ops.append("]}").toString());
            problem(r, 503, "time-budget");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            problem(send("GET", s + "/tensors/s", null), 404, "tensor-not-found");
            new SeedClient(base).walkthrough();
        } finally {
            send("DELETE", s, null);
        }
    }

    @Test
    void twoHundredFiftySlowBodiesWhileAnotherClientRunsTheWalkthrough() throws Exception {
        String s = newSession();
        List<Socket> slow = new ArrayList<>();
        try (ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor()) {
            for (int i = 0; i < 250; i++) {
                Socket socket = connectAsAbuser();
                socket.getOutputStream().write(("POST /api/v1" + s + "/tensors HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"").getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            trickle.scheduleAtFixedRate(() -> slow.forEach(socket -> {
                try {
                    socket.getOutputStream().write("  ".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByTheService) {
                    // the service has answered and closed it
                }
            }), 2, 2, TimeUnit.SECONDS);
            new SeedClient(base).walkthrough();
            for (Socket socket : slow) {
                String answer = readAnswer(socket, Duration.ofSeconds(30));
                assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json");
            }
        } finally {
            for (Socket socket : slow) socket.close();
            send("DELETE", s, null);
        }
    }

    @Test
    void fiveThousandIdleEventStreamsWhileAnotherClientRunsTheWalkthrough() throws Exception {
        String id = json(expect(send("POST", "/jobs", """
                {"maxIterations": 1000000, "targetAccuracy": 2, "logEvery": 100000,
                 "data": {"synthetic": {"samplesPerClass": 20000, "features": 32}}}"""), 202)).get("id").stringValue();
        List<Socket> streams = new ArrayList<>();
        try {
            CompletableFuture<Void> others = CompletableFuture.runAsync(() -> new SeedClient(base).walkthrough());
            for (int i = 0; i < 5000; i++) {
                Socket socket = connectAsAbuser();
                socket.getOutputStream().write(("GET /api/v1/jobs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                streams.add(socket);
            }
            others.get(120, TimeUnit.SECONDS);
            int served = 0, refused = 0;
            for (Socket socket : streams) {
                String head = readHead(socket, Duration.ofSeconds(30));
                if (head.startsWith("HTTP/1.1 200")) {
                    served++;
                } else {
                    assertThat(head).startsWith("HTTP/1.1 429").contains("application/problem+json").contains("Retry-After");
                    refused++;
                }
            }
            assertThat(served).as("the per-client cap").isEqualTo(100);
            assertThat(served + refused).isEqualTo(5000);
        } finally {
            for (Socket socket : streams) socket.close();
            send("POST", "/jobs/" + id + "/cancel", null);
        }
    }

    /** A new session's path. */
    private static String newSession() throws Exception {
        return "/sessions/" + json(expect(send("POST", "/sessions", null), 201)).get("id").stringValue();
    }

    private static Socket connectAsAbuser() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(ABUSER_ADDRESS), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return socket;
    }

    /** The whole answer on a connection the service closes after it. */
    private static String readAnswer(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The status line and headers of the answer on a connection. */
    private static String readHead(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) break;
        }
        return head.toString();
    }

    private static void problem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(r).get("code").stringValue()).isEqualTo(code);
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return r;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (json != null) request.header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
