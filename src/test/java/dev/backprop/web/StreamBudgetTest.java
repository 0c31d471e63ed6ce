package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.memory.MemoryPool;
import dev.backprop.memory.Pools;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;

/**
 * Event streams have a budget of their own, service-wide and per client, so that one client's idle streams
 * take neither the API's connections nor the other clients' streams; readiness goes out of service while
 * the streams, the connections or the memory are saturated, and comes back when they are not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.jobs.max-streams=6",
        "backprop.jobs.max-streams-per-client=4",
        "backprop.server.max-connections=40",
        "server.tomcat.connection-timeout=60s"})
class StreamBudgetTest extends ApiTest {
    private static final String LONG_JOB = """
            {"data": {"synthetic": {"samplesPerClass": 20000}}, "maxIterations": 1000000, "targetAccuracy": 2.0, "logEvery": 100}""";

    @LocalManagementPort
    int management;

    @Autowired
    Pools pools;

    @Autowired
    StreamBudget streams;

    private final List<InputStream> open = new ArrayList<>();
    private String job;

    @BeforeEach
    void startALongJob() {
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.count() == 0);
        job = api.post("/jobs", LONG_JOB).expect(202).json().get("id").stringValue();
    }

    @AfterEach
    void endStreamsAndJob() throws IOException {
        for (InputStream stream : open) stream.close();
        api.post("/jobs/" + job + "/cancel");
    }

    /** A client on its own loopback address (Linux routes all of 127/8 to the loopback interface). */
    private static HttpClient clientAt(String address) throws IOException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(address)).build();
    }

    /** Opens the job's event stream from {@code client}; a stream that opens is kept open until the test ends. */
    private HttpResponse<InputStream> stream(HttpClient client) throws Exception {
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(api.base() + "/jobs/" + job + "/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 200) {
            open.add(r.body());
            assertThat(new String(r.body().readNBytes(11), StandardCharsets.US_ASCII)).isEqualTo("retry: 2000");
        }
        return r;
    }

    private static JsonNode refusal(HttpResponse<InputStream> r) throws IOException {
        String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        Api.Response answer = new Api.Response(r.statusCode(), r.headers(), body);
        JsonNode problem = answer.problem(429, "stream-quota");
        assertThat(r.headers().firstValue("Retry-After")).contains("5");
        assertThat(r.headers().firstValue("Connection")).contains("close");
        return problem;
    }

    private HttpResponse<String> probe(String group) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/actuator/health/" + group))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean ready() throws Exception {
        HttpResponse<String> r = probe("readiness");
        assertThat(r.body()).contains(r.statusCode() == 200 ? "\"status\":\"UP\"" : "\"status\":\"OUT_OF_SERVICE\"");
        return r.statusCode() == 200;
    }

    private void otherClientIsServed() {
        try (var s = api.session()) {
            s.tensor("""
                    {"name": "a", "data": [1.0, 2.0], "requiresGrad": true}""").expect(201);
            JsonNode y = s.op("""
                    {"op": "mul", "inputs": ["a", 3], "out": "y"}""").expect(200).json();
            assertThat(Api.floats(y.get("data"))).containsExactly(3f, 6f);
        }
    }

    @Test
    void oneClientsStreamsStopAtItsCapWhileAnotherClientStreamsAndIsServed() throws Exception {
        HttpClient abuser = clientAt("127.0.0.2");
        for (int i = 0; i < 4; i++) assertThat(stream(abuser).statusCode()).isEqualTo(200);

        JsonNode refused = refusal(stream(abuser));
        assertThat(refused.get("detail").stringValue())
                .isEqualTo("this client has 4 event streams open, its limit; close a stream or try again later");

        HttpClient other = clientAt("127.0.0.1");
        assertThat(stream(other).statusCode()).isEqualTo(200);
        otherClientIsServed();
        assertThat(ready()).isTrue();
    }

    @Test
    void atTheServiceWideCapStreamsAreRefusedAndReadinessIsOutOfServiceUntilOneCloses() throws Exception {
        HttpClient abuser = clientAt("127.0.0.2");
        HttpClient other = clientAt("127.0.0.1");
        for (int i = 0; i < 4; i++) assertThat(stream(abuser).statusCode()).isEqualTo(200);
        assertThat(stream(other).statusCode()).isEqualTo(200);
        assertThat(ready()).isTrue();
        assertThat(stream(other).statusCode()).isEqualTo(200);

        assertThat(ready()).isFalse();
        assertThat(probe("liveness").statusCode()).isEqualTo(200);
        JsonNode refused = refusal(stream(clientAt("127.0.0.3")));
        assertThat(refused.get("detail").stringValue())
                .isEqualTo("the service has 6 event streams open, its limit; close a stream or try again later");
        otherClientIsServed();

        open.removeFirst().close();
        await().atMost(Duration.ofSeconds(10)).until(this::ready);
        assertThat(stream(other).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessIsOutOfServiceWhileConnectionsAreAbove90PercentOfTheMaximum() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 37; i++) idle.add(new Socket("127.0.0.1", port));
            await().atMost(Duration.ofSeconds(10)).until(() -> !ready());
            assertThat(probe("liveness").statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : idle) s.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(this::ready);
    }

    @Test
    void readinessIsOutOfServiceWhileAMemoryPoolIsPastItsLimit() throws Exception {
        MemoryPool requests = pools.requests();
        long fill = (long) (requests.capacity() * 0.95);
        assertThat(requests.tryReserve(fill)).isTrue();
        try {
            assertThat(ready()).isFalse();
            assertThat(probe("liveness").statusCode()).isEqualTo(200);
        } finally {
            requests.release(fill);
        }
        assertThat(ready()).isTrue();
    }
}
