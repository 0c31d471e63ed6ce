package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Each tenant has its own bucket: one that bursts over its limit gets 429 while another goes on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "backprop.rate-limit.user.limit=5", "backprop.rate-limit.user.window=1m",
        "backprop.rate-limit.admin.limit=8", "backprop.rate-limit.admin.window=2m"})
class RateLimitTest extends KeyedApiTest {
    @Test
    void aBurstOverTheLimitIs429WhileAnotherTenantGoesOn() {
        Api alice = new Api(port, Keys.ALICE);
        Api bob = new Api(port, Keys.BOB);
        for (int i = 1; i <= 5; i++) {
            Api.Response r = alice.get("/sessions").expect(200);
            assertThat(r.headers().firstValue("RateLimit-Policy")).contains("\"tenant\";q=5;w=60");
            assertThat(r.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"tenant\";r=" + (5 - i) + ";t=");
        }
        Api.Response refused = alice.get("/sessions");
        assertThat(refused.problem(429, "rate-limited").get("detail").stringValue())
                .matches("tenant 'alice' has made 5 requests in 60 s, its limit: retry after \\d+ s");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 12L);
        assertThat(refused.headers().firstValue("RateLimit")).contains("\"tenant\";r=0;t=" + retryAfter);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).contains("\"tenant\";q=5;w=60");

        for (int i = 0; i < 3; i++) bob.get("/sessions").expect(200);
        alice.post("/sessions").problem(429, "rate-limited");
    }

    @Test
    void adminsHaveTheirOwnConfiguredLimit() {
        Api admin = new Api(port, Keys.ROOT);
        Api.Response r = admin.get("/jobs").expect(200);
        assertThat(r.headers().firstValue("RateLimit-Policy")).contains("\"tenant\";q=8;w=120");
        assertThat(r.headers().firstValue("RateLimit")).contains("\"tenant\";r=7;t=15");
    }

    @Test
    void anAnswerWithoutCredentialsCarriesNoRateLimit() {
        Api.Response r = new Api(port).get("/sessions");
        r.problem(401, "unauthenticated");
        assertThat(r.headers().firstValue("RateLimit")).isEmpty();
    }
}
