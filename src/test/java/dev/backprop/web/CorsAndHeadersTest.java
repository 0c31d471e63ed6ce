package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Browsers on the configured origins may call the API, others may not; every answer carries the security headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backprop.cors.allowed-origins=https://app.example")
class CorsAndHeadersTest extends ApiTest {

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        Api.Response r = api.send(api.request("/sessions").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example");
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,POST,DELETE");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type", "idempotency-key");
        assertThat(r.headers().firstValue("Access-Control-Max-Age")).contains("3600");
    }

    @Test
    void aRequestFromAnAllowedOriginMayReadTheHeadersItNeeds() {
        Api.Response r = api.send(api.request("/sessions").header("Origin", "https://app.example").GET()).expect(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example");
        assertThat(r.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("Location", "Retry-After", "RateLimit", "RateLimit-Policy", "X-Request-Id", "WWW-Authenticate");
    }

    @Test
    void anotherOriginIsRefused() {
        Api.Response preflight = api.send(api.request("/sessions").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        Api.Response simple = api.send(api.request("/sessions").header("Origin", "https://evil.example").GET());
        assertThat(simple.status()).isEqualTo(403);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoServerVersion() {
        for (String path : new String[] {"/api/v1/sessions", "/api/v1/nothing-here", "/", "/v3/api-docs.yaml"}) {
            var r = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).contains(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("Server")).as(path).isEmpty();
        }
    }
}
