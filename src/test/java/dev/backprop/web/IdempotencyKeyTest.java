package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceTest
class IdempotencyKeyTest extends ApiTest {
    private static final String TINY_JOB = """
            {"data": {"synthetic": {"samplesPerClass": 2, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "maxIterations": 1}""";
    private static final String SAME_JOB_OTHER_SPACING = """
            {"maxIterations": 1,
             "data": {"synthetic": {"features": 2, "bias": 1.0, "meanValue": 1.7, "samplesPerClass": 2}}}""";
    private static final String OTHER_JOB = """
            {"data": {"synthetic": {"samplesPerClass": 2, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "maxIterations": 2}""";

    private Api.Response post(String path, String key, String json) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Idempotency-Key", key);
        r = json == null ? r.POST(BodyPublishers.noBody()) : r.header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
        return api.send(r);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aRetriedJobIsStartedOnceAndAnsweredAsTheFirstTime() {
        Instant before = Instant.now();
        String key = key();
        Api.Response first = post("/jobs", key, TINY_JOB).expect(202);
        Api.Response retry = post("/jobs", key, SAME_JOB_OTHER_SPACING).expect(202);

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"))
                .hasValue("/api/v1/jobs/" + first.json().get("id").stringValue());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.contentType()).startsWith("application/json");
        JsonNode listed = api.get("/jobs?createdAfter=" + URLEncoder.encode(before.toString(), StandardCharsets.UTF_8)).expect(200).json();
        assertThat(Api.ids(listed)).containsExactly(first.json().get("id").stringValue());

        JsonNode reused = post("/jobs", key, OTHER_JOB).problem(422, "idempotency-key-reused");
        assertThat(reused.get("detail").stringValue()).isEqualTo("the Idempotency-Key '" + key.substring(0, 36)
                + "' was sent with another request: a key names one request; send a new key for a new one");
        post("/sessions", key, null).problem(422, "idempotency-key-reused");
        assertThat(post("/jobs", key(), TINY_JOB).expect(202).json().get("id").stringValue()).as("another key, another job")
                .isNotEqualTo(first.json().get("id").stringValue());
    }

    @Test
    void aRetriedSessionIsOpenedOnce() {
        String key = key();
        Api.Response first = post("/sessions", key, "{\"seed\": 7}").expect(201);
        Api.Response retry = post("/sessions", key, "{ \"seed\" : 7 }").expect(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        post("/sessions", key, "{\"seed\": 8}").problem(422, "idempotency-key-reused");
        post("/sessions", key, null).problem(422, "idempotency-key-reused");

        String noBody = key();
        Api.Response empty = post("/sessions", noBody, null).expect(201);
        assertThat(post("/sessions", noBody, null).expect(201).body()).isEqualTo(empty.body());
        assertThat(Api.ids(api.get("/sessions").expect(200).json()))
                .containsOnlyOnce(first.json().get("id").stringValue(), empty.json().get("id").stringValue());
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsKeyMayBeRetried() {
        String key = key();
        post("/jobs", key, "{\"maxIterations\": 0.5}").problem(400, "invalid-field");
        post("/jobs", key, "{\"maxIterations\": 0.5}").problem(400, "invalid-field");
        Api.Response started = post("/jobs", key, TINY_JOB).expect(202);
        assertThat(started.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(post("/jobs", key, TINY_JOB).expect(202).headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void aKeyIsOneTo255PrintableAsciiCharacters() {
        JsonNode empty = post("/jobs", "", TINY_JOB).problem(400, "invalid-idempotency-key");
        assertThat(empty.get("field").stringValue()).isEqualTo("Idempotency-Key");
        assertThat(empty.get("detail").stringValue())
                .isEqualTo("the Idempotency-Key header must be 1 to 255 printable ASCII characters, got 0 characters");
        post("/sessions", "k".repeat(256), null).problem(400, "invalid-idempotency-key");
        post("/sessions", "k".repeat(255), null).expect(201);
        post("/sessions", "\"a quoted key, with spaces\"", null).expect(201);
        RawHttp.Answer latin1 = RawHttp.send(port, "POST /api/v1/sessions HTTP/1.1", "Idempotency-Key: caf\u00e9\r\nContent-Length: 0\r\n");
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.body()).contains("\"code\":\"invalid-idempotency-key\"", "with others among them");
    }
}
