package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.Application;
import dev.backprop.store.DebianPostgres;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL, each advertising its address: a session made through one is used through the
 * other exactly as through its own (the request is forwarded to the replica that holds it), and a session whose id
 * names no live replica is unknown.
 */
class SessionRoutingTest {
    private static DebianPostgres postgres;
    private static ConfigurableApplicationContext a, b;
    private static Api viaA, viaB;

    @BeforeAll
    static void start() throws Exception {
        postgres = DebianPostgres.start();
        int portA = freePort(), portB = freePort();
        a = replica(portA);
        b = replica(portB);
        viaA = new Api(portA);
        viaB = new Api(portB);
    }

    private static ConfigurableApplicationContext replica(int port) {
        return new SpringApplicationBuilder(Application.class).run("--server.port=" + port, "--management.server.port=0",
                "--backprop.store.type=external", "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--backprop.cluster.advertised-url=http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stop() throws Exception {
        b.close();
        a.close();
        postgres.close();
    }

    @Test
    void aSessionMadeThroughOneReplicaIsUsedThroughTheOther() {
        Api.Session made = viaA.session();
        Api.Session there = new Api.Session(viaB, made.id());
        there.tensor("""
                {"name": "w", "data": [1.0], "requiresGrad": true}""").expect(201);
        there.tensor("""
                {"name": "x", "data": [2.0], "requiresGrad": true}""").expect(201);
        there.op("""
                {"ops": [
                  {"op": "add", "inputs": ["w", "x"], "out": "a"},
                  {"op": "add", "inputs": ["w", 1], "out": "b"},
                  {"op": "mul", "inputs": ["a", "b"], "out": "y"}
                ]}""").expect(200);
        there.backward("""
                {"tensors": ["y"]}""").expect(200);
        assertThat(Api.floats(there.view("w").get("grad"))).containsExactly(5f);
        assertThat(Api.floats(made.view("x").get("grad"))).containsExactly(2f);
        Api.Response fromB = viaB.get(there.path() + "/tensors/y"), fromA = viaA.get(made.path() + "/tensors/y");
        assertThat(fromB.status()).isEqualTo(200);
        assertThat(fromB.body()).isEqualTo(fromA.body());
        assertThat(fromB.contentType()).isEqualTo(fromA.contentType());

        assertThat(viaB.delete(there.path()).status()).isEqualTo(204);
        assertThat(viaA.get(made.path()).problem(404, "session-not-found")).isNotNull();
        assertThat(viaB.get(there.path()).problem(404, "session-not-found")).isNotNull();
    }

    @Test
    void aJobOnTheTensorsOfASessionHeldByTheOtherReplicaIsTrainedThere() {
        Api.Session made = viaA.session();
        made.tensor("""
                {"name": "train_x", "data": [[2, 2], [1.5, 2.5], [3, 1], [-2, -1], [-1, -2.5], [-3, -2]]}""").expect(201);
        made.tensor("""
                {"name": "train_y", "data": [0, 0, 0, 1, 1, 1]}""").expect(201);
        String id = viaB.post("/jobs", """
                {"data": {"session": {"id": "%s", "x": "train_x", "y": "train_y"}}, "maxIterations": 200, "logEvery": 10}"""
                .formatted(made.id())).expect(202).json().get("id").stringValue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> viaB.get("/jobs/" + id).json().get("status").stringValue().equals("SUCCEEDED"));
        assertThat(viaA.get("/jobs/" + id).expect(200).json().get("status").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(viaB.get("/jobs/" + id + "/points").expect(200).json().get("y")).hasSize(6);
        // the lists come from the store: each replica lists the job, as the replica that ran it holds it
        JsonNode listedByA = only(viaA.get("/jobs").expect(200).json(), id), listedByB = only(viaB.get("/jobs").expect(200).json(), id);
        assertThat(listedByB).isEqualTo(listedByA);
        assertThat(listedByB.get("status").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(listedByB.get("metrics").get("loss").isNumber()).isTrue();
        assertThat(viaB.post("/jobs", """
                {"data": {"session": {"id": "%s", "x": "nope", "y": "train_y"}}}""".formatted(made.id()))
                .problem(404, "tensor-not-found")).isNotNull();
    }

    @Test
    void eitherReplicaListsEveryReplicasSessionsPageByPage() {
        java.util.Set<String> made = java.util.Set.of(viaA.session().id(), viaB.session().id(), viaA.session().id());
        for (Api via : List.of(viaA, viaB)) {
            List<String> listed = new java.util.ArrayList<>();
            String path = "/sessions?pageSize=1";
            while (path != null) {
                Api.Response page = via.get(path).expect(200);
                page.json().forEach(session -> listed.add(session.get("id").stringValue()));
                path = page.headers().firstValue("Next-Page-Token").map(token -> "/sessions?pageSize=1&pageToken=" + token).orElse(null);
            }
            assertThat(listed).containsAll(made).doesNotHaveDuplicates();
        }
    }

    @Test
    void aSessionWhoseReplicaIsGoneIsUnknown() {
        String id = "0badcafe-0000-4000-8000-000000000000";
        assertThat(viaB.get("/sessions/" + id).problem(404, "session-not-found").get("detail").stringValue())
                .isEqualTo(viaA.get("/sessions/" + id).problem(404, "session-not-found").get("detail").stringValue());
    }

    private static JsonNode only(JsonNode jobs, String id) {
        return java.util.stream.StreamSupport.stream(jobs.spliterator(), false).filter(j -> j.get("id").stringValue().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("job " + id + " is not listed: " + jobs));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
