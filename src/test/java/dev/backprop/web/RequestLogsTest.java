package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * Every request has an id, the client's or a new one, echoed on its answer and in its problems; its log lines
 * (structured as ECS JSON here, as in the container) carry that id and the request's trace, the caller's where
 * it sent a W3C traceparent; each request ends with an access line, and a deletion is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class RequestLogsTest extends ApiTest {
    private static final String CALLERS_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + CALLERS_TRACE + "-00f067aa0ba902b7-01";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    ApplicationContext context;

    /**
     * The structured format is the logging system's, for the whole JVM, and Boot keeps it in a system property that
     * later contexts do not overwrite: the tests after this one log plain text again.
     */
    @AfterAll
    static void plainLogsAgain() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        LoggingSystem logging = LoggingSystem.get(RequestLogsTest.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30));
    }

    @Test
    void aClientsRequestIdAndTraceparentAreCarriedByEveryLineOfItsRequest(CapturedOutput output) {
        String session = api.session().id();
        String id = "client-7:a/b+c=d@e.f_g";
        String trace = "0af7651916cd43dd8448eb211c80319c";
        Api.Response deleted = api.send(request("/sessions/" + session)
                .header(RequestIds.HEADER, id).header("traceparent", "00-" + trace + "-b7ad6b7169203331-01").DELETE());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.headers().firstValue(RequestIds.HEADER)).hasValue(id);
        List<JsonNode> lines = linesOf(output, id);
        assertThat(lines).allSatisfy(line -> assertThat(line.path("traceId").stringValue()).isEqualTo(trace));
        assertThat(output.getOut().lines().filter(l -> l.contains(trace))).as("the lines of the caller's trace").hasSameSizeAs(lines);
        JsonNode audit = only(lines, "backprop.audit");
        assertThat(audit.path("message").stringValue()).isEqualTo("session " + session + " deleted by local");
        assertThat(audit.path("event").stringValue()).isEqualTo("deleted");
        assertThat(audit.path("kind").stringValue()).isEqualTo("session");
        assertThat(audit.path("id").stringValue()).isEqualTo(session);
        assertThat(audit.path("tenant").stringValue()).isEqualTo("local");
        JsonNode access = only(lines, "backprop.access");
        assertThat(access.path("message").stringValue())
                .matches("DELETE /api/v1/sessions/" + session + " 204 \\d+ ms 0 bytes tenant=local");
        assertThat(access.path("method").stringValue()).isEqualTo("DELETE");
        assertThat(access.path("path").stringValue()).isEqualTo("/api/v1/sessions/" + session);
        assertThat(access.path("queryParameters").isEmpty()).isTrue();
        assertThat(access.path("status").asInt()).isEqualTo(204);
        assertThat(access.path("bytesSent").asLong()).isZero();
        assertThat(access.path("tenant").stringValue()).isEqualTo("local");
        assertThat(access.path("durationMs").isIntegralNumber()).isTrue();
        assertThat(access.path("spanId").stringValue()).matches("[0-9a-f]{16}").isNotEqualTo("b7ad6b7169203331");
    }

    @Test
    void theAccessLineNamesTheQuerysParametersButNotTheirValues(CapturedOutput output) {
        Api.Response refused = api.send(request("/sessions?key=hunter2&key=again&verbose").header(RequestIds.HEADER, "query-1").GET());
        assertThat(refused.problem(400, "unknown-parameter").path("requestId").stringValue()).isEqualTo("query-1");
        JsonNode access = only(linesOf(output, "query-1"), "backprop.access");
        assertThat(access.path("message").stringValue()).matches("GET /api/v1/sessions\\?key&verbose 400 \\d+ ms \\d+ bytes tenant=local");
        assertThat(access.path("queryParameters").toString()).isEqualTo("[\"key\",\"verbose\"]");
        assertThat(output.getAll()).doesNotContain("hunter2");
    }

    @Test
    void aRequestWithoutThemGetsANewIdAndANewTrace(CapturedOutput output) {
        String session = api.session().id();
        Api.Response deleted = api.delete("/sessions/" + session).expect(204);

        String id = deleted.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(id).matches(UUID);
        List<JsonNode> lines = linesOf(output, id);
        String trace = only(lines, "backprop.access").path("traceId").stringValue();
        assertThat(trace).matches("[0-9a-f]{32}").isNotEqualTo(CALLERS_TRACE);
        assertThat(lines).allSatisfy(line -> assertThat(line.path("traceId").stringValue()).isEqualTo(trace));
        assertThat(only(lines, "backprop.audit").path("message").stringValue()).isEqualTo("session " + session + " deleted by local");
    }

    @Test
    void problemsCarryTheRequestId(CapturedOutput output) {
        Api.Response missing = api.send(request("/sessions/nope").header(RequestIds.HEADER, "lost-1").header("traceparent", TRACEPARENT).GET());
        assertThat(missing.problem(404, "session-not-found").path("requestId").stringValue()).isEqualTo("lost-1");
        assertThat(missing.headers().firstValue(RequestIds.HEADER)).hasValue("lost-1");
        assertThat(only(linesOf(output, "lost-1"), "backprop.access").path("traceId").stringValue()).isEqualTo(CALLERS_TRACE);

        Api.Response form = api.send(request("/sessions").header(RequestIds.HEADER, "form-1")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=1")));
        assertThat(form.problem(415, "unsupported-media-type").path("requestId").stringValue()).isEqualTo("form-1");

        RawHttp.Answer refused = RawHttp.send(port, "GET /api/v1/sessions/%00 HTTP/1.1", "X-Request-Id: raw-1\r\n");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header(RequestIds.HEADER)).isEqualTo("raw-1");
        assertThat(refused.json().path("requestId").stringValue()).isEqualTo("raw-1");
        assertThat(only(linesOf(output, "raw-1"), "backprop.access").path("status").asInt()).isEqualTo(400);

        RawHttp.Answer errorPage = RawHttp.send(port, "GET /WEB-INF/web.xml HTTP/1.1", "X-Request-Id: raw-2\r\n");
        assertThat(errorPage.status()).isEqualTo(404);
        assertThat(errorPage.header(RequestIds.HEADER)).isEqualTo("raw-2");
        assertThat(errorPage.json().path("requestId").stringValue()).isEqualTo("raw-2");
    }

    @Test
    void anInvalidIdIsReplacedByANewOne() {
        for (String invalid : List.of("has space", "a".repeat(129), "semi;colon", "")) {
            Api.Response missing = api.send(request("/sessions/nope").header(RequestIds.HEADER, invalid).GET());
            String id = missing.headers().firstValue(RequestIds.HEADER).orElseThrow();
            assertThat(id).as("the id for '%s'", invalid).matches(UUID);
            assertThat(missing.problem(404, "session-not-found").path("requestId").stringValue()).isEqualTo(id);
        }
        String longest = "a".repeat(128);
        assertThat(api.send(request("/sessions").header(RequestIds.HEADER, longest).GET()).headers().firstValue(RequestIds.HEADER))
                .hasValue(longest);
    }

    @Test
    void aCancelIsAuditedAndAnEventStreamIsLoggedWhenItEnds(CapturedOutput output) throws Exception {
        String job = api.post("/jobs", """
                {"maxIterations": 200000, "targetAccuracy": 2, "logEvery": 1}""").expect(202).json().get("id").stringValue();
        Api.Response cancelled = api.send(request("/jobs/" + job + "/cancel").header(RequestIds.HEADER, "cancel-1")
                .POST(HttpRequest.BodyPublishers.noBody())).expect(200);
        assertThat(cancelled.headers().firstValue(RequestIds.HEADER)).hasValue("cancel-1");
        JsonNode audit = only(linesOf(output, "cancel-1"), "backprop.audit");
        assertThat(audit.path("message").stringValue()).isEqualTo("job " + job + " cancelled by local");
        assertThat(audit.path("job").stringValue()).isEqualTo(job);

        List<Sse.Event> events = Sse.read(api.base() + "/jobs/" + job + "/events", null);
        assertThat(events.getLast().data().get("status").stringValue()).isEqualTo("CANCELLED");
        String path = "/api/v1/jobs/" + job + "/events";
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().lines().anyMatch(l -> l.contains("\"" + path + "\"")));
        JsonNode stream = Api.JSON.readTree(output.getOut().lines().filter(l -> l.contains("\"" + path + "\"")).findFirst().orElseThrow());
        assertThat(stream.path("status").asInt()).isEqualTo(200);
        assertThat(stream.path("bytesSent").asLong()).isPositive();
        assertThat(stream.path("traceId").stringValue()).matches("[0-9a-f]{32}");
        assertThat(stream.path(RequestIds.MDC_KEY).stringValue()).matches(UUID);
    }

    @Test
    void spansAreExportedNowhereUnlessAnEndpointIsSet() {
        assertThat(context.getBeanProvider(SpanExporter.class).stream().toList()).isEmpty();
    }

    /** The JSON lines that name this request id, once its access line is out (it is written after the answer). */
    private static List<JsonNode> linesOf(CapturedOutput output, String requestId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().lines()
                .anyMatch(l -> l.contains("\"" + requestId + "\"") && l.contains("backprop.access")));
        List<JsonNode> lines = output.getOut().lines().filter(l -> l.contains(requestId)).map(Api.JSON::readTree).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.path(RequestIds.MDC_KEY).stringValue()).isEqualTo(requestId));
        return lines;
    }

    private static JsonNode only(List<JsonNode> lines, String logger) {
        List<JsonNode> of = lines.stream().filter(l -> logger.equals(l.path("log").path("logger").stringValue())).toList();
        assertThat(of).as("the lines of %s among %s", logger, lines).hasSize(1);
        return of.getFirst();
    }
}
