package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "backprop.jobs.concurrency=1", "backprop.jobs.queue-length=1"})
class JobQueueTest extends ApiTest {

    @Test
    void aFullQueueAnswers429WithRetryAfter() {
        String endless = "{\"maxIterations\": 1000000, \"targetAccuracy\": 2.0, \"logEvery\": 1000}";
        String running = api.post("/jobs", endless).expect(202).json().get("id").stringValue();
        String waiting = api.post("/jobs", endless).expect(202).json().get("id").stringValue();
        Api.Response refused = api.post("/jobs", endless);
        refused.problem(429, "job-queue-full");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        api.post("/jobs/" + waiting + "/cancel").expect(200);
        assertThat(api.get("/jobs/" + waiting).json().get("status").stringValue()).isEqualTo("CANCELLED");
        api.post("/jobs/" + running + "/cancel").expect(200);
    }
}
