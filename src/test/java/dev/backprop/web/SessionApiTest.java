package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ServiceTest
class SessionApiTest extends ApiTest {
    @Test
    void createWithoutBodyAnswers201WithLocationAndAnEmptySession() {
        Api.Response r = api.post("/sessions").expect(201);
        JsonNode s = r.json();
        String id = s.get("id").stringValue();
        try {
            assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/sessions/" + id);
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
            assertThat(s.get("tensorCount").asInt()).isZero();
            assertThat(s.get("bytes").asLong()).isZero();
            Instant created = Instant.parse(s.get("createdAt").stringValue());
            Instant expires = Instant.parse(s.get("expiresAt").stringValue());
            assertThat(Duration.between(created, expires)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(30).plusSeconds(5));
            assertThat(Duration.between(created, Instant.now()).abs()).isLessThan(Duration.ofSeconds(30));
        } finally {
            api.delete("/sessions/" + id);
        }
    }

    @Test
    void createWithSeedIsTorchManualSeed() {
        // torch.manual_seed(0); torch.rand(2) -> tensor([0.4963, 0.7682])
        try (var s = api.session(0L)) {
            JsonNode r = s.op("{\"op\": \"rand\", \"attrs\": {\"size\": [2]}, \"out\": \"r\"}").expect(200).json();
            assertThat(Api.floats(r.get("data"))).containsExactly(0.4962566f, 0.7682218f);
            assertThat(r.get("dtype").stringValue()).isEqualTo("float32");
        }
    }

    @Test
    void reseedRestartsTheGenerator() {
        try (var s = api.session(7L)) {
            JsonNode view = s.seed("{\"seed\": 0}").expect(200).json();
            assertThat(view.get("id").stringValue()).isEqualTo(s.id());
            JsonNode first = s.op("{\"op\": \"rand\", \"attrs\": {\"size\": [2]}}").expect(200).json();
            assertThat(Api.floats(first.get("data"))).containsExactly(0.4962566f, 0.7682218f);
            s.seed("{\"seed\": 0}").expect(200);
            JsonNode again = s.op("{\"op\": \"rand\", \"attrs\": {\"size\": [2]}}").expect(200).json();
            assertThat(again.get("data")).isEqualTo(first.get("data"));
        }
    }

    @Test
    void reseedWithoutASeedIsRefused() {
        try (var s = api.session()) {
            assertThat(s.seed("{}").problem(400, "invalid-request").get("detail").stringValue()).isEqualTo("'seed' is required");
            s.seed("{\"seed\": \"seven\"}").problem(400, "invalid-field");
        }
    }

    @Test
    void sessionsWithoutSeedStartFromPyTorchsDefaultSeed() {
        try (var a = api.session(); var b = api.session(); var c = api.session(67280421310721L)) {
            String draw = "{\"op\": \"randn\", \"attrs\": {\"size\": [3]}}";
            JsonNode fromA = a.op(draw).expect(200).json().get("data");
            assertThat(b.op(draw).expect(200).json().get("data")).isEqualTo(fromA);
            assertThat(c.op(draw).expect(200).json().get("data")).isEqualTo(fromA);
        }
    }

    @Test
    void listShowsTheCallersSessionsAndDeleteRemovesThem() {
        var a = api.session();
        try (var b = api.session()) {
            JsonNode list = api.get("/sessions").expect(200).json();
            assertThat(list.isArray()).isTrue();
            assertThat(Api.ids(list)).contains(a.id(), b.id());

            api.delete("/sessions/" + a.id()).expect(204);
            assertThat(Api.ids(api.get("/sessions").expect(200).json())).doesNotContain(a.id()).contains(b.id());
            a.info().problem(404, "session-not-found");
            assertThat(api.delete("/sessions/" + a.id()).problem(404, "session-not-found").get("detail").stringValue())
                    .isEqualTo("no session '" + a.id() + "'");
        }
    }

    @Test
    void getCountsTensorsAndTheirBytes() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0, 2.0]}").expect(201);
            s.tensor("{\"name\": \"d\", \"data\": [1.0, 2.0, 3.0], \"dtype\": \"float64\"}").expect(201);
            JsonNode view = s.info().expect(200).json();
            assertThat(view.get("id").stringValue()).isEqualTo(s.id());
            assertThat(view.get("tensorCount").asInt()).isEqualTo(2);
            assertThat(view.get("bytes").asLong()).isEqualTo(2 * 4 + 3 * 8);
        }
    }

    @Test
    void idsAreRandomAndUnrelated() {
        try (var a = api.session(); var b = api.session()) {
            assertThat(a.id()).isNotEqualTo(b.id());
            assertThat(UUID.fromString(a.id()).version()).isEqualTo(4);
            assertThat(UUID.fromString(b.id()).variant()).isEqualTo(2);
        }
    }

    @Test
    void aSessionThatIsNotTheCallersIsNotFoundOnEveryRoute() {
        String sid = UUID.randomUUID().toString();
        String p = "/sessions/" + sid;
        api.get(p).problem(404, "session-not-found");
        api.delete(p).problem(404, "session-not-found");
        api.post(p + "/seed", "{\"seed\": 1}").problem(404, "session-not-found");
        api.get(p + "/tensors").problem(404, "session-not-found");
        api.get(p + "/tensors/w").problem(404, "session-not-found");
        api.delete(p + "/tensors/w").problem(404, "session-not-found");
        api.post(p + "/tensors", "{\"name\": \"w\", \"data\": [1.0]}").problem(404, "session-not-found");
        api.post(p + "/ops", "{\"op\": \"ones\", \"attrs\": {\"size\": [1]}}").problem(404, "session-not-found");
        api.post(p + "/backward", "{\"tensors\": [\"y\"]}").problem(404, "session-not-found");
        api.post(p + "/grad", "{\"outputs\": [\"y\"], \"inputs\": [\"x\"]}").problem(404, "session-not-found");
        api.post(p + "/modules", "{\"name\": \"m\", \"layers\": [{\"type\": \"sigmoid\"}]}").problem(404, "session-not-found");
        api.post(p + "/optimizers", "{\"name\": \"o\", \"type\": \"sgd\", \"params\": [\"w\"], \"lr\": 0.1}")
                .problem(404, "session-not-found");
        api.post(p + "/optimizers/o/step").problem(404, "session-not-found");
        api.post(p + "/optimizers/o/zero-grad").problem(404, "session-not-found");
        assertThat(api.get(p).detail()).isEqualTo("no session '" + sid + "'");
    }

    @Test
    void malformedCreateBodyIsRefused() {
        api.post("/sessions", "{\"seed\": ").problem(400, "malformed-json");
        assertThat(api.post("/sessions", "{\"seed\": 1.5e309}").problem(400, "invalid-field").get("detail").stringValue())
                .isEqualTo("'seed' must be an integer, got a number with a fraction");
    }
}
