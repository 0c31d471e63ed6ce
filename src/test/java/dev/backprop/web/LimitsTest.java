package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** Each limit of {@code backprop.limits}: a request exactly at it is served, one just over it is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.limits.max-tensor-elements=1000",
        "backprop.limits.max-rank=4",
        "backprop.limits.max-session-bytes=4000",
        "backprop.limits.max-sessions=3",
        "backprop.limits.max-graph-nodes=50",
        "backprop.limits.max-session-objects=8",
        "backprop.limits.max-batch-ops=5",
        "backprop.limits.max-body-bytes=2048",
        "backprop.limits.max-json-depth=8",
        "backprop.limits.max-number-length=20",
        "backprop.limits.max-string-length=64",
        "backprop.limits.max-name-length=16"})
class LimitsTest extends ApiTest {
    @AfterEach
    void dropSessions() {
        api.dropSessions();
    }

    private static String zeroList(int n) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) j.add("0");
        return j.toString();
    }

    // ---- max-tensor-elements ------------------------------------------------------------------

    @Test
    void aTensorOfMaxElementsIsMadeAndOneMoreIs413() {
        try (var s = api.session()) {
            assertThat(Api.shape(s.op(Api.zeros("[1000]")).expect(200).json())).containsExactly(1000);
        }
        try (var s = api.session()) {
            assertThat(s.op(Api.zeros("[1001]")).problem(413, "too-large").get("detail").stringValue())
                    .isEqualTo("a tensor of shape [1001] has 1001 elements, over the limit of 1000");
            assertThat(s.op(Api.zeros("[10, 10, 11]")).problem(413, "too-large").get("detail").stringValue())
                    .isEqualTo("a tensor of shape [10, 10, 11] has 1100 elements, over the limit of 1000");
        }
    }

    @Test
    void literalDataIsHeldToTheElementLimitToo() {
        try (var s = api.session()) {
            JsonNode a = s.tensor("{\"name\": \"a\", \"data\": " + zeroList(1000) + ", \"dtype\": \"bool\"}").expect(201).json();
            assertThat(Api.shape(a)).containsExactly(1000);
        }
        try (var s = api.session()) {
            assertThat(s.tensor("{\"name\": \"b\", \"data\": " + zeroList(1001) + ", \"dtype\": \"bool\"}").problem(413, "too-large")
                    .get("detail").stringValue()).isEqualTo("a tensor of shape [1001] has 1001 elements, over the limit of 1000");
            assertThat(s.list().expect(200).json().size()).isZero();
        }
    }

    @Test
    void anExpandedViewIsHeldToTheElementLimit() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"x\", \"data\": [1.0]}").expect(201);
            assertThat(Api.shape(s.op("{\"op\": \"expand\", \"inputs\": [\"x\", [1000]], \"out\": \"e\"}").expect(200).json()))
                    .containsExactly(1000);
            assertThat(s.op("{\"op\": \"expand\", \"inputs\": [\"x\", [1001]], \"out\": \"f\"}").problem(413, "too-large")
                    .get("detail").stringValue()).isEqualTo("a tensor of shape [1001] has 1001 elements, over the limit of 1000");
            s.get("f").problem(404, "tensor-not-found");
        }
    }

    // ---- max-rank -----------------------------------------------------------------------------

    @Test
    void aTensorOfMaxRankIsMadeAndOneMoreDimensionIs413() {
        try (var s = api.session()) {
            assertThat(Api.shape(s.op(Api.zeros("[1, 2, 1, 2]")).expect(200).json())).containsExactly(1, 2, 1, 2);
            assertThat(s.op(Api.zeros("[1, 2, 1, 2, 1]")).problem(413, "too-large").get("detail").stringValue())
                    .isEqualTo("a tensor of rank 5 is over the limit of 4 dimensions");
            s.tensor("{\"name\": \"d4\", \"data\": [[[[1.0]]]]}").expect(201);
            s.tensor("{\"name\": \"d5\", \"data\": [[[[[1.0]]]]]}").problem(413, "too-large");
        }
    }

    @Test
    void viewsAreHeldToTheRankLimit() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"x\", \"data\": [1.0, 2.0]}").expect(201);
            s.op("{\"op\": \"reshape\", \"inputs\": [\"x\", [1, 1, 1, 2]], \"out\": \"r4\"}").expect(200);
            assertThat(s.op("{\"op\": \"reshape\", \"inputs\": [\"x\", [1, 1, 1, 1, 2]], \"out\": \"r5\"}").problem(413, "too-large")
                    .get("detail").stringValue()).isEqualTo("a tensor of rank 5 is over the limit of 4 dimensions");
            s.op("{\"op\": \"unsqueeze\", \"inputs\": [\"r4\", 0], \"out\": \"u5\"}").problem(413, "too-large");
            s.op("{\"op\": \"view\", \"inputs\": [\"x\", [2, 1, 1, 1, 1]], \"out\": \"v5\"}").problem(413, "too-large");
            assertThat(Api.names(s.list().expect(200).json())).containsExactly("x", "r4");
        }
    }

    // ---- max-session-bytes ----------------------------------------------------------------------

    @Test
    void aSessionMayHoldExactlyItsBytesAndNotOneMore() {
        try (var s = api.session()) {
            s.op(Api.zeros("[1000]")).expect(200);
            assertThat(s.info().expect(200).json().get("bytes").asLong()).isEqualTo(4000);
            JsonNode p = s.tensor("{\"name\": \"flag\", \"data\": true}").problem(429, "session-bytes-quota");
            assertThat(p.get("detail").stringValue()).isEqualTo("the session would hold 4001 bytes, over its limit of 4000");
            s.get("flag").problem(404, "tensor-not-found");
            assertThat(s.info().expect(200).json().get("bytes").asLong()).isEqualTo(4000);
        }
    }

    @Test
    void deletingATensorGivesItsBytesBack() {
        try (var s = api.session()) {
            s.op("{\"op\": \"zeros\", \"attrs\": {\"size\": [1000]}, \"out\": \"z\"}").expect(200);
            s.deleteTensor("z").expect(204);
            assertThat(s.info().expect(200).json().get("bytes").asLong()).isZero();
        }
    }

    @Test
    void aRefusedBackwardLeavesNoGradientBehind() {
        try (var s = api.session()) {
            s.op("{\"op\": \"ones\", \"attrs\": {\"size\": [600], \"requires_grad\": true}, \"out\": \"w\"}").expect(200);
            s.op("{\"op\": \"sum\", \"inputs\": [\"w\"], \"out\": \"l\"}").expect(200);
            assertThat(s.backward("{\"tensors\": [\"l\"]}").problem(429, "session-bytes-quota").get("detail").stringValue())
                    .isEqualTo("the session would hold 4804 bytes, over its limit of 4000");
            assertThat(s.get("w").expect(200).json().get("grad").isNull()).isTrue();
            assertThat(s.info().expect(200).json().get("bytes").asLong()).isEqualTo(2404);
        }
    }

    @Test
    void aModulesParametersCountAgainstTheSessionEvenWhenTheirNamesAreDropped() {
        try (var s = api.session()) {
            s.module("{\"name\": \"net\", \"layers\": [{\"type\": \"linear\", \"inFeatures\": 999, \"outFeatures\": 1}]}").expect(201);
            assertThat(s.info().expect(200).json().get("bytes").asLong()).isEqualTo(4000);
            s.deleteTensor("net.0.weight").expect(204);
            s.deleteTensor("net.0.bias").expect(204);
            s.op("{\"op\": \"zeros\", \"attrs\": {\"size\": [1000]}, \"out\": \"z\"}").problem(429, "session-bytes-quota");
        }
    }

    @Test
    void aModuleRefusedByTheQuotaDoesNotExist() {
        try (var s = api.session()) {
            s.op(Api.zeros("[1000]")).expect(200);
            s.module("{\"name\": \"net\", \"layers\": [{\"type\": \"linear\", \"inFeatures\": 10, \"outFeatures\": 1}]}")
                    .problem(429, "session-bytes-quota");
            s.get("net.0.weight").problem(404, "tensor-not-found");
            s.optimizer("{\"name\": \"opt\", \"type\": \"sgd\", \"params\": [\"net\"], \"lr\": 0.1}").problem(404, "tensor-not-found");
        }
    }

    // ---- max-sessions -----------------------------------------------------------------------------

    @Test
    void theServiceHoldsExactlyMaxSessions() {
        List<Api.Session> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) open.add(api.session());
        JsonNode p = api.post("/sessions").problem(429, "session-quota");
        assertThat(p.get("detail").stringValue()).isEqualTo("the service holds 3 sessions, its limit; idle ones expire after 30 minutes");
        open.getFirst().close();
        api.session().close();
    }

    @Test
    void concurrentCreatesNeverExceedMaxSessions() throws Exception {
        for (int round = 0; round < 40; round++) {
            List<Thread> threads = new ArrayList<>();
            List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 16; i++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        statuses.add(api.post("/sessions").status());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) t.join();
            int live = api.get("/sessions").expect(200).json().size();
            dropSessions();
            assertThat(statuses).containsOnly(201, 429);
            assertThat(live).as("sessions live after round %d", round).isLessThanOrEqualTo(3);
            assertThat(statuses.stream().filter(st -> st == 201).count()).isEqualTo(3);
        }
    }

    // ---- max-graph-nodes ----------------------------------------------------------------------------

    @Test
    void aSessionsGraphsMayHoldExactlyMaxNodes() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            s.op("{\"op\": \"add\", \"inputs\": [\"w\", 1], \"out\": \"c\"}").expect(200);
            String five = "{\"ops\": [" + String.join(",", java.util.Collections.nCopies(5,
                    "{\"op\": \"add\", \"inputs\": [\"c\", 1], \"out\": \"c\"}")) + "]}";
            String one = "{\"op\": \"add\", \"inputs\": [\"c\", 1], \"out\": \"c\"}";
            for (int i = 0; i < 9; i++) s.op(five).expect(200);
            for (int i = 0; i < 4; i++) s.op(one).expect(200);
            JsonNode c = s.view("c");
            assertThat(Api.floats(c.get("data"))).containsExactly(51f);
            JsonNode p = s.op(one).problem(429, "graph-nodes-quota");
            assertThat(p.get("detail").stringValue()).isEqualTo("the session's graphs would hold 51 nodes, over the limit of 50");
            assertThat(Api.floats(s.view("c").get("data"))).containsExactly(51f);
            s.backward("{\"tensors\": [\"c\"]}").expect(200);
            assertThat(Api.floats(s.view("w").get("grad"))).containsExactly(1f);
        }
    }

    // ---- max-session-objects ------------------------------------------------------------------------

    @Test
    void aSessionMayHoldExactlyMaxObjectsAndNotOneMore() {
        try (var s = api.session()) {
            s.op(Api.emptyTensors(0, 5)).expect(200);
            s.op(Api.emptyTensors(5, 3)).expect(200);
            JsonNode p = s.op(Api.emptyTensors(8, 1)).problem(429, "session-objects-quota");
            assertThat(p.get("detail").stringValue())
                    .isEqualTo("the session would hold 9 tensors, modules, optimizers and schedulers, over its limit of 8");
            s.get("e8").problem(404, "tensor-not-found");
            s.op(Api.emptyTensors(7, 1)).expect(200);
        }
    }

    @Test
    void aModulesLayersAndAnOptimizersParametersAreObjectsOfTheSession() {
        try (var s = api.session()) {
            s.module("""
                    {"name": "net", "layers": [{"type": "relu"}, {"type": "linear", "inFeatures": 1, "outFeatures": 1}]}""").expect(201);
            s.optimizer("""
                    {"name": "opt", "type": "sgd", "params": ["net"], "lr": 0.1}""").expect(201);
            JsonNode p = s.tensor("{\"name\": \"x\", \"data\": 1.0}").problem(429, "session-objects-quota");
            assertThat(p.get("detail").stringValue())
                    .isEqualTo("the session would hold 9 tensors, modules, optimizers and schedulers, over its limit of 8");
        }
    }

    // ---- max-batch-ops ----------------------------------------------------------------------------

    @Test
    void aBatchOfMaxOpsRunsAndOneMoreIs413() {
        try (var s = api.session()) {
            String op = "{\"op\": \"ones\", \"attrs\": {\"size\": [1]}}";
            JsonNode r = s.op("{\"ops\": [" + String.join(",", java.util.Collections.nCopies(5, op)) + "]}").expect(200).json();
            assertThat(r.get("results")).hasSize(5);
            JsonNode p = s.op("{\"ops\": [" + String.join(",", java.util.Collections.nCopies(6, op)) + "]}")
                    .problem(413, "batch-too-large");
            assertThat(p.get("detail").stringValue()).isEqualTo("a batch of 6 ops is over the limit of 5");
            assertThat(s.list().expect(200).json()).hasSize(5);
        }
    }

    // ---- max-body-bytes ---------------------------------------------------------------------------

    private static byte[] paddedTensorBody(int length) {
        String json = "{\"name\": \"p\", \"data\": [1.0]}";
        return (json + " ".repeat(length - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOfMaxBytesIsReadAndOneMoreIs413() {
        try (var s = api.session()) {
            api.postBytes(s.path() + "/tensors", paddedTensorBody(2048), false).expect(201);
            JsonNode p = api.postBytes(s.path() + "/tensors", paddedTensorBody(2049), false).problem(413, "body-too-large");
            assertThat(p.get("detail").stringValue()).isEqualTo("the request body is over the limit of 2048 bytes");
        }
    }

    @Test
    void aChunkedBodyIsCountedAsItIsRead() {
        try (var s = api.session()) {
            api.postBytes(s.path() + "/tensors", paddedTensorBody(2048), true).expect(201);
            JsonNode p = api.postBytes(s.path() + "/tensors", paddedTensorBody(2049), true).problem(413, "body-too-large");
            assertThat(p.get("detail").stringValue()).isEqualTo("the request body is over the limit of 2048 bytes");
        }
    }

    // ---- max-json-depth ---------------------------------------------------------------------------

    @Test
    void jsonNestedToMaxDepthIsParsedAndOneLevelMoreIs400() {
        try (var s = api.session()) {
            // the body, the batch, the op, its attrs and four arrays: depth 8
            s.op("{\"ops\": [{\"op\": \"tensor\", \"attrs\": {\"data\": " + Api.nested("[", "1", "]", 4) + "}}]}").expect(200);
            JsonNode p = s.op("{\"ops\": [{\"op\": \"tensor\", \"attrs\": {\"data\": " + Api.nested("[", "1", "]", 5) + "}}]}")
                    .problem(400, "json-limits");
            assertThat(p.get("detail").stringValue()).startsWith("the JSON body is outside the limits: Document nesting depth (9) "
                    + "exceeds the maximum allowed (8");
        }
    }

    // ---- max-number-length ------------------------------------------------------------------------

    @Test
    void aNumberOfMaxLengthIsReadAndOneDigitMoreIs400() {
        try (var s = api.session()) {
            s.op("{\"op\": \"tensor\", \"attrs\": {\"data\": " + "1".repeat(20) + ", \"dtype\": \"float64\"}}").expect(200);
            JsonNode p = s.op("{\"op\": \"tensor\", \"attrs\": {\"data\": " + "1".repeat(21) + ", \"dtype\": \"float64\"}}")
                    .problem(400, "json-limits");
            assertThat(p.get("detail").stringValue()).startsWith("the JSON body is outside the limits: Number value length (21) "
                    + "exceeds the maximum allowed (20");
        }
    }

    // ---- max-string-length ------------------------------------------------------------------------

    @Test
    void aStringOfMaxLengthIsReadAndOneCharacterMoreIs400() {
        try (var s = api.session()) {
            // read by the parser, then refused by the op, which takes no such keyword
            assertThat(s.op("{\"op\": \"ones\", \"attrs\": {\"size\": [1], \"note\": \"" + "x".repeat(64) + "\"}}")
                    .problem(422, "invalid-argument").get("detail").stringValue()).isEqualTo("ones() got an unexpected keyword argument 'note'");
            JsonNode p = s.op("{\"op\": \"ones\", \"attrs\": {\"size\": [1], \"note\": \"" + "x".repeat(65) + "\"}}")
                    .problem(400, "json-limits");
            assertThat(p.get("detail").stringValue()).startsWith("the JSON body is outside the limits: String value length (65) "
                    + "exceeds the maximum allowed (64");
        }
    }

    // ---- max-name-length ----------------------------------------------------------------------------

    @Test
    void aNameOfMaxLengthIsBoundAndOneCharacterMoreIs400() {
        String at = "n".repeat(16), over = "n".repeat(17);
        try (var s = api.session()) {
            s.tensor("{\"name\": \"" + at + "\", \"data\": [1.0]}").expect(201);
            assertThat(s.tensor("{\"name\": \"" + over + "\", \"data\": [1.0]}").problem(400, "invalid-request")
                    .get("detail").stringValue()).isEqualTo("name '" + over + "' is not a valid name: names match "
                            + "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)* and have at most 16 characters");
            s.op("{\"op\": \"ones\", \"attrs\": {\"size\": [1]}, \"out\": \"" + at + "\"}").expect(200);
            s.op("{\"op\": \"ones\", \"attrs\": {\"size\": [1]}, \"out\": \"" + over + "\"}").problem(400, "invalid-request");
            s.module("{\"name\": \"" + at + "\", \"layers\": [{\"type\": \"sigmoid\"}]}").expect(201);
            s.module("{\"name\": \"" + over + "\", \"layers\": [{\"type\": \"sigmoid\"}]}").problem(400, "invalid-request");
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            s.optimizer("{\"name\": \"" + at + "\", \"type\": \"sgd\", \"params\": [\"w\"], \"lr\": 0.1}").expect(201);
            s.optimizer("{\"name\": \"" + over + "\", \"type\": \"sgd\", \"params\": [\"w\"], \"lr\": 0.1}").problem(400, "invalid-request");
        }
    }
}
