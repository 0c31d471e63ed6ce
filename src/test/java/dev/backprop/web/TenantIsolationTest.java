package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.web.fuzz.OpenApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tenants cannot see or touch each other: alice makes one of everything, and bob, on every route of the spec,
 * gets the 404 that an unknown id gets, with alice's things unchanged afterwards. Without a valid key every
 * route is 401; an admin sees every tenant's jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantIsolationTest extends KeyedApiTest {
    /** Routes that name no tenant's resource: the collections, and the op catalog every tenant shares. */
    private static final Set<String> COLLECTIONS = Set.of("POST /api/v1/sessions", "GET /api/v1/sessions", "POST /api/v1/jobs",
            "GET /api/v1/jobs", "GET /api/v1/ops", "GET /api/v1/ops/{op}");

    private Api alice;
    private Api bob;
    private String sid;
    private String job;

    @BeforeEach
    void aliceMakesOneOfEverything() {
        alice = new Api(port, Keys.ALICE);
        bob = new Api(port, Keys.BOB);
        sid = alice.session(1L).id();
        String s = "/sessions/" + sid;
        alice.post(s + "/tensors", """
                {"name": "w", "data": [1.0, 2.0], "requiresGrad": true}""").expect(201);
        alice.post(s + "/tensors", """
                {"name": "x", "data": [3.0, 4.0]}""").expect(201);
        alice.post(s + "/ops", """
                {"op": "mul", "inputs": ["w", "x"], "out": "p"}""").expect(200);
        alice.post(s + "/ops", """
                {"op": "sum", "inputs": ["p"], "out": "y"}""").expect(200);
        alice.post(s + "/backward", """
                {"tensors": ["y"], "retainGraph": true}""").expect(200);
        alice.post(s + "/modules", """
                {"name": "m", "layers": [{"type": "linear", "inFeatures": 2, "outFeatures": 1}]}""").expect(201);
        alice.post(s + "/optimizers", """
                {"name": "o", "type": "sgd", "params": ["m"], "lr": 0.1}""").expect(201);
        alice.post(s + "/optimizers/o/schedulers", """
                {"name": "sc", "type": "step_lr", "stepSize": 1}""").expect(201);
        job = alice.post("/jobs", """
                {"seed": 1, "maxIterations": 5, "logEvery": 1,
                 "data": {"synthetic": {"samplesPerClass": 10, "meanValue": 1.7, "bias": 1.0, "features": 2}}}""")
                .expect(202).json().get("id").stringValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> alice.get("/jobs/" + job).json().get("status").stringValue().equals("SUCCEEDED"));
    }

    @Test
    void anotherTenantGetsNotFoundOnEveryRouteAndChangesNothing() throws Exception {
        Map<String, String> before = snapshot();
        Map<String, Request> routes = routes();
        Set<String> spec = OpenApi.read(Path.of("openapi/openapi.yaml")).operations().stream()
                .map(op -> op.method().toUpperCase() + " " + op.path())
                .filter(op -> !COLLECTIONS.contains(op))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(routes.keySet())).as("every route of the spec is tried").isEqualTo(spec);

        for (var route : routes.entrySet()) {
            Api.Response r = bob.send(route.getValue().on(bob, sid, job));
            String code = route.getKey().contains("/jobs/") ? "job-not-found" : "session-not-found";
            assertThat(r.status()).as("%s as bob: %s", route.getKey(), r.body()).isEqualTo(404);
            r.problem(404, code);
        }
        assertThat(bob.get("/sessions").expect(200).body()).doesNotContain(sid);
        assertThat(bob.get("/jobs").expect(200).body()).doesNotContain(job);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void withoutAValidKeyEveryRouteIs401() throws Exception {
        Api nobody = new Api(port);
        Api stranger = new Api(port, "bp_not-a-key-anyone-was-given-0000000000000");
        Api revoked = new Api(port, Keys.REVOKED);
        Map<String, Request> routes = new LinkedHashMap<>(routes());
        routes.put("POST /api/v1/sessions", (api, s, j) -> api.request("/sessions").POST(BodyPublishers.noBody()));
        routes.put("GET /api/v1/sessions", (api, s, j) -> api.request("/sessions").GET());
        routes.put("POST /api/v1/jobs", (api, s, j) -> json(api.request("/jobs"), "{}"));
        routes.put("GET /api/v1/jobs", (api, s, j) -> api.request("/jobs").GET());
        for (var route : routes.entrySet()) {
            Api.Response none = nobody.send(route.getValue().on(nobody, sid, job));
            assertThat(none.status()).as(route.getKey()).isEqualTo(401);
            none.problem(401, "unauthenticated");
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"backprop\"");

            Api.Response unknown = stranger.send(route.getValue().on(stranger, sid, job));
            assertThat(unknown.problem(401, "invalid-credentials").get("detail").stringValue()).isEqualTo("the API key is not known");
            assertThat(unknown.headers().firstValue("WWW-Authenticate")).contains(
                    "Bearer realm=\"backprop\", error=\"invalid_token\", error_description=\"the API key is not known\"");

            assertThat(revoked.send(route.getValue().on(revoked, sid, job)).problem(401, "invalid-credentials").get("detail").stringValue())
                    .isEqualTo("the API key of tenant 'carol' has been revoked");
        }
        assertThat(snapshot()).containsKey("session");
    }

    @Test
    void theKeyMayComeAsXApiKeyButNotAsAnotherSchemeOrTwoDifferentKeys() {
        Api nobody = new Api(port);
        Api.Response viaHeader = nobody.send(nobody.request("/sessions/" + sid).header("X-API-Key", Keys.ALICE).GET());
        assertThat(viaHeader.expect(200).json().get("id").stringValue()).isEqualTo(sid);
        Api.Response basic = nobody.send(nobody.request("/sessions").header("Authorization", "Basic YWxpY2U6a2V5").GET());
        assertThat(basic.problem(401, "invalid-credentials").get("detail").stringValue())
                .isEqualTo("only Bearer credentials are accepted: Authorization: Bearer <API key>");
        Api.Response two = alice.send(alice.request("/sessions").header("X-API-Key", Keys.BOB).GET());
        assertThat(two.problem(401, "invalid-credentials").get("detail").stringValue())
                .isEqualTo("Authorization and X-API-Key carry different keys: send one");
    }

    @Test
    void thePageAndTheContractArePublic() throws Exception {
        Api nobody = new Api(port);
        for (String path : new String[] {"/", "/app.js", "/v3/api-docs.yaml", "/swagger-ui.html"}) {
            var r = nobody.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
            assertThat(r.status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anAdminSeesAndCancelsEveryTenantsJobsButNotTheirData() {
        String bobs = bob.post("/jobs", """
                {"maxIterations": 1000000, "targetAccuracy": 2.0,
                 "data": {"synthetic": {"samplesPerClass": 10, "meanValue": 1.7, "bias": 1.0, "features": 2}}}""")
                .expect(202).json().get("id").stringValue();
        Api admin = new Api(port, Keys.ROOT);
        String all = admin.get("/jobs?pageSize=1000").expect(200).body();
        assertThat(all).contains(job, bobs);
        assertThat(alice.get("/jobs?pageSize=1000").expect(200).body()).contains(job).doesNotContain(bobs);
        assertThat(bob.get("/jobs?pageSize=1000").expect(200).body()).contains(bobs).doesNotContain(job);
        assertThat(admin.get("/jobs/" + job).expect(200).json().get("id").stringValue()).isEqualTo(job);
        assertThat(admin.post("/jobs/" + bobs + "/cancel").expect(200).json().get("id").stringValue()).isEqualTo(bobs);
        await().atMost(Duration.ofSeconds(10)).until(() -> bob.get("/jobs/" + bobs).json().get("status").stringValue().equals("CANCELLED"));
        admin.get("/jobs/" + job + "/points").problem(404, "job-not-found");
        admin.get("/sessions/" + sid).problem(404, "session-not-found");
    }

    /** What alice can read of her things; expiry moves with her own reads, so it is left out. */
    private Map<String, String> snapshot() {
        Map<String, String> views = new LinkedHashMap<>();
        String s = "/sessions/" + sid;
        ObjectNode session = (ObjectNode) alice.get(s).expect(200).json();
        session.remove("expiresAt");
        views.put("session", session.toString());
        views.put("tensors", alice.get(s + "/tensors").expect(200).body());
        for (String t : new String[] {"w", "x", "p", "y"}) views.put(t, alice.get(s + "/tensors/" + t).expect(200).body());
        views.put("graph", alice.get(s + "/graph?root=y").expect(200).body());
        views.put("optimizer", alice.get(s + "/optimizers/o").expect(200).body());
        views.put("scheduler", alice.get(s + "/optimizers/o/schedulers/sc").expect(200).body());
        views.put("job", alice.get("/jobs/" + job).expect(200).body());
        views.put("points", alice.get("/jobs/" + job + "/points").expect(200).body());
        views.put("events", alice.get("/jobs/" + job + "/events").expect(200).body());
        // JFreeSVG names each drawing's clip paths afresh
        views.put("plot", alice.get("/jobs/" + job + "/plot").expect(200).body().replaceAll("_\\d+clip", "_clip"));
        return views;
    }

    /** One request of each route on alice's things, with a body that alice herself could send. */
    private static Map<String, Request> routes() {
        Map<String, Request> r = new LinkedHashMap<>();
        String s = "/api/v1/sessions/{sid}";
        r.put("GET " + s, (api, sid, job) -> api.request("/sessions/" + sid).GET());
        r.put("DELETE " + s, (api, sid, job) -> api.request("/sessions/" + sid).DELETE());
        r.put("POST " + s + "/seed", (api, sid, job) -> json(api.request("/sessions/" + sid + "/seed"), """
                {"seed": 7}"""));
        r.put("POST " + s + "/tensors", (api, sid, job) -> json(api.request("/sessions/" + sid + "/tensors"), """
                {"name": "w", "data": [9.0]}"""));
        r.put("GET " + s + "/tensors", (api, sid, job) -> api.request("/sessions/" + sid + "/tensors").GET());
        r.put("GET " + s + "/tensors/{name}", (api, sid, job) -> api.request("/sessions/" + sid + "/tensors/w").GET());
        r.put("DELETE " + s + "/tensors/{name}", (api, sid, job) -> api.request("/sessions/" + sid + "/tensors/w").DELETE());
        r.put("POST " + s + "/ops", (api, sid, job) -> json(api.request("/sessions/" + sid + "/ops"), """
                {"op": "zeros", "attrs": {"size": [2]}, "out": "x"}"""));
        r.put("POST " + s + "/backward", (api, sid, job) -> json(api.request("/sessions/" + sid + "/backward"), """
                {"tensors": ["y"]}"""));
        r.put("POST " + s + "/grad", (api, sid, job) -> json(api.request("/sessions/" + sid + "/grad"), """
                {"outputs": ["y"], "inputs": ["w"]}"""));
        r.put("GET " + s + "/graph", (api, sid, job) -> api.request("/sessions/" + sid + "/graph?root=y").GET());
        r.put("POST " + s + "/modules", (api, sid, job) -> json(api.request("/sessions/" + sid + "/modules"), """
                {"name": "m", "layers": [{"type": "sigmoid"}]}"""));
        r.put("GET " + s + "/modules/{name}", (api, sid, job) -> api.request("/sessions/" + sid + "/modules/m").GET());
        r.put("DELETE " + s + "/modules/{name}", (api, sid, job) -> api.request("/sessions/" + sid + "/modules/m").DELETE());
        r.put("POST " + s + "/modules/{name}/train", (api, sid, job) ->
                api.request("/sessions/" + sid + "/modules/m/train").POST(BodyPublishers.noBody()));
        r.put("POST " + s + "/modules/{name}/eval", (api, sid, job) ->
                api.request("/sessions/" + sid + "/modules/m/eval").POST(BodyPublishers.noBody()));
        r.put("POST " + s + "/optimizers", (api, sid, job) -> json(api.request("/sessions/" + sid + "/optimizers"), """
                {"name": "o", "type": "sgd", "params": ["w"], "lr": 1.0}"""));
        r.put("POST " + s + "/optimizers/{name}/step", (api, sid, job) ->
                api.request("/sessions/" + sid + "/optimizers/o/step").POST(BodyPublishers.noBody()));
        r.put("POST " + s + "/optimizers/{name}/zero-grad", (api, sid, job) ->
                api.request("/sessions/" + sid + "/optimizers/o/zero-grad").POST(BodyPublishers.noBody()));
        r.put("GET " + s + "/optimizers/{name}", (api, sid, job) -> api.request("/sessions/" + sid + "/optimizers/o").GET());
        r.put("DELETE " + s + "/optimizers/{name}", (api, sid, job) -> api.request("/sessions/" + sid + "/optimizers/o").DELETE());
        r.put("POST " + s + "/optimizers/{name}/schedulers", (api, sid, job) ->
                json(api.request("/sessions/" + sid + "/optimizers/o/schedulers"), """
                        {"name": "sc2", "type": "exponential_lr", "gamma": 0.5}"""));
        r.put("GET " + s + "/optimizers/{name}/schedulers/{scheduler}", (api, sid, job) ->
                api.request("/sessions/" + sid + "/optimizers/o/schedulers/sc").GET());
        r.put("DELETE " + s + "/optimizers/{name}/schedulers/{scheduler}", (api, sid, job) ->
                api.request("/sessions/" + sid + "/optimizers/o/schedulers/sc").DELETE());
        r.put("POST " + s + "/optimizers/{name}/schedulers/{scheduler}/step", (api, sid, job) ->
                api.request("/sessions/" + sid + "/optimizers/o/schedulers/sc/step").POST(BodyPublishers.noBody()));
        String j = "/api/v1/jobs/{id}";
        r.put("GET " + j, (api, sid, job) -> api.request("/jobs/" + job).GET());
        r.put("POST " + j + "/cancel", (api, sid, job) -> api.request("/jobs/" + job + "/cancel").POST(BodyPublishers.noBody()));
        r.put("POST " + j + "/predict", (api, sid, job) -> json(api.request("/jobs/" + job + "/predict"), """
                {"x": [[0.5, 0.5]]}"""));
        r.put("GET " + j + "/points", (api, sid, job) -> api.request("/jobs/" + job + "/points").GET());
        r.put("GET " + j + "/plot", (api, sid, job) -> api.request("/jobs/" + job + "/plot").GET());
        r.put("GET " + j + "/events", (api, sid, job) -> api.request("/jobs/" + job + "/events").GET());
        return r;
    }

    private static HttpRequest.Builder json(HttpRequest.Builder b, String body) {
        return b.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    }

    @FunctionalInterface
    private interface Request {
        HttpRequest.Builder on(Api api, String sid, String job);
    }
}
