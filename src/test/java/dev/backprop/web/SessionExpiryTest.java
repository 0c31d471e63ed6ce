package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "backprop.limits.session-ttl=1s"})
class SessionExpiryTest extends ApiTest {
    @Test
    void anIdleSessionExpiresAfterItsTtl() throws InterruptedException {
        JsonNode created = api.post("/sessions").expect(201).json();
        String id = created.get("id").stringValue();
        Instant createdAt = Instant.parse(created.get("createdAt").stringValue());
        Instant expiresAt = Instant.parse(created.get("expiresAt").stringValue());
        assertThat(Duration.between(createdAt, expiresAt)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        api.post("/sessions/" + id + "/tensors", "{\"name\": \"w\", \"data\": [1.0]}").expect(201);

        // listing does not touch a session, so polling the list leaves it idle
        Instant deadline = Instant.now().plusSeconds(6);
        while (Api.ids(api.get("/sessions").expect(200).json()).contains(id) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(Api.ids(api.get("/sessions").expect(200).json())).doesNotContain(id);
        api.get("/sessions/" + id).problem(404, "session-not-found");
        api.get("/sessions/" + id + "/tensors/w").problem(404, "session-not-found");
    }

    @Test
    void useKeepsASessionAlive() throws InterruptedException {
        try (var s = api.session()) {
            Instant until = Instant.now().plusMillis(2500);
            while (Instant.now().isBefore(until)) {
                s.info().expect(200);
                Thread.sleep(250);
            }
            JsonNode view = s.info().expect(200).json();
            assertThat(Instant.parse(view.get("expiresAt").stringValue())).isAfter(Instant.now());
        }
    }
}
