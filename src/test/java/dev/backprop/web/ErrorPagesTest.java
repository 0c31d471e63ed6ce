package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;

/**
 * Errors raised before a request reaches Spring (by Tomcat while it reads the request) and errors dispatched
 * to the error page are problem details like every other refusal, on the API port and the management port.
 */
@ServiceTest
class ErrorPagesTest extends ApiTest {
    private static final String PATH_REFUSED = "the request's path is refused: it holds an encoded '/', '\\' or control character, "
            + "or climbs above the root";
    private static final String UNREADABLE = "the request line or a header is malformed, or the request line and headers are "
            + "over the 8192 bytes allowed";

    @LocalManagementPort
    int management;

    private static JsonNode problem(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith(Api.PROBLEM_JSON);
        assertThat(answer.body()).doesNotContain("<html", "java.", "Exception");
        JsonNode p = answer.json();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("code").stringValue()).isEqualTo(code);
        assertThat(p.path("type").stringValue()).isEqualTo("https://backprop.dev/problems/" + code);
        assertThat(p.path("title").isString()).isTrue();
        return p;
    }

    private RawHttp.Answer get(String target) {
        return RawHttp.send(port, "GET " + target + " HTTP/1.1", "");
    }

    @Test
    void aPathWithAnEncodedNulOrSlashIsRefusedAsProblemDetails() {
        assertThat(problem(get("/api/v1/sessions/%00"), 400, "bad-request").path("detail").stringValue()).isEqualTo(PATH_REFUSED);
        assertThat(problem(get("/api/v1/sessions/a%2Fb"), 400, "bad-request").path("detail").stringValue()).isEqualTo(PATH_REFUSED);
        assertThat(problem(get("/api/v1/sessions/a%5Cb"), 400, "bad-request").path("detail").stringValue()).isEqualTo(PATH_REFUSED);
    }

    @Test
    void aPathThatIsNotUtf8IsRefusedAsProblemDetails() {
        assertThat(problem(get("/api/v1/sessions/%ff"), 400, "bad-request").path("detail").stringValue()).isEqualTo(UNREADABLE);
    }

    @Test
    void aRequestLineOrHeaderOver8KiBIsRefusedAsProblemDetails() {
        assertThat(problem(get("/api/v1/sessions/" + "a".repeat(9000)), 400, "bad-request").path("detail").stringValue())
                .isEqualTo(UNREADABLE);
        RawHttp.Answer longHeader = RawHttp.send(port, "GET /api/v1/sessions HTTP/1.1", "X-Padding: " + "a".repeat(9000) + "\r\n");
        assertThat(problem(longHeader, 400, "bad-request").path("detail").stringValue()).isEqualTo(UNREADABLE);
    }

    @Test
    void malformedRequestLinesAndHeadersAreRefusedAsProblemDetails() {
        problem(RawHttp.send(port, "GET /api/v1/sessions HTTP/1.1", "Bad Header: x\r\n"), 400, "bad-request");
        problem(RawHttp.send(port, "G@T /api/v1/sessions HTTP/1.1", ""), 400, "bad-request");
        problem(get("/api/v1/sessions/{x}"), 400, "bad-request");
        assertThat(problem(RawHttp.send(port, "GET /api/v1/sessions HTTP/2.0", ""), 505, "http-version-not-supported")
                .path("detail").stringValue()).isEqualTo("only HTTP/1.0 and HTTP/1.1 are served");
    }

    @Test
    void traceIsNotAllowedAndSaysSo() {
        RawHttp.Answer trace = RawHttp.send(port, "TRACE /api/v1/sessions HTTP/1.1", "");
        assertThat(problem(trace, 405, "method-not-allowed").path("detail").stringValue())
                .isEqualTo("TRACE is not allowed on /api/v1/sessions");
        assertThat(trace.header("Allow")).doesNotContain("TRACE").contains("GET");
    }

    @Test
    void theContainersOwnFilesAreNotFound() {
        JsonNode webXml = problem(get("/WEB-INF/web.xml"), 404, "not-found");
        assertThat(webXml.path("detail").stringValue()).isEqualTo("no resource at /WEB-INF/web.xml");
        assertThat(webXml.path("instance").stringValue()).isEqualTo("/WEB-INF/web.xml");
        assertThat(problem(get("/META-INF/MANIFEST.MF"), 404, "not-found").path("detail").stringValue())
                .isEqualTo("no resource at /META-INF/MANIFEST.MF");
        assertThat(problem(get("/error"), 404, "not-found").path("detail").stringValue()).isEqualTo("no resource at /error");
    }

    @Test
    void theManagementPortAnswersProblemDetailsToo() {
        RawHttp.Answer nul = RawHttp.send(management, "GET /actuator/%00 HTTP/1.1", "");
        assertThat(problem(nul, 400, "bad-request").path("detail").stringValue()).isEqualTo(PATH_REFUSED);
        RawHttp.Answer trace = RawHttp.send(management, "TRACE /actuator/health HTTP/1.1", "");
        assertThat(problem(trace, 405, "method-not-allowed").path("detail").stringValue())
                .isEqualTo("TRACE is not allowed on /actuator/health");
        RawHttp.Answer post = RawHttp.send(management, "POST /actuator/health HTTP/1.1", "Content-Length: 0\r\n");
        assertThat(problem(post, 405, "method-not-allowed").path("detail").stringValue())
                .isEqualTo("POST is not allowed on /actuator/health; allowed: GET");
        assertThat(post.header("Allow")).isEqualTo("GET");
        problem(RawHttp.send(management, "GET /actuator/nothing HTTP/1.1", ""), 404, "not-found");
    }
}
