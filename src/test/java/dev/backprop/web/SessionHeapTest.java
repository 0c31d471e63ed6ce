package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The sessions' share of the heap ({@code backprop.memory.sessions}) counts what sessions hold: their tensors' bytes
 * and, at fixed sizes, the objects around them — 192 bytes a tensor object, 320 a name, a module, an optimizer's
 * parameter reference or a scheduler, 256 a grad_fn node and 96 an edge. A share of 7,536 bytes is exactly two
 * sessions with tensors of 1,000 and 500 floats: 4,000 + 192 + 320 and 2,000 + 192 + 320.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.limits.max-session-bytes=4000",
        "backprop.memory.sessions=7536B"})
class SessionHeapTest extends ApiTest {
    @AfterEach
    void dropSessions() {
        api.dropSessions();
    }

    private static String total(JsonNode problem) {
        return problem.get("detail").stringValue();
    }

    @Test
    void allSessionsTogetherMayHoldExactlyTheTotalAndNotOneMore() {
        try (var a = api.session(); var b = api.session()) {
            a.op(Api.zeros("[1000]")).expect(200);
            b.op(Api.zeros("[500]")).expect(200);
            JsonNode p = b.tensor("{\"name\": \"flag\", \"data\": true}").problem(429, "total-bytes-quota");
            assertThat(total(p)).isEqualTo("the service would hold 7537 bytes, over its limit of 7536");
            b.get("flag").problem(404, "tensor-not-found");
        }
        try (var c = api.session()) {
            c.op(Api.zeros("[1000]")).expect(200);
        }
    }

    @Test
    void bytesGivenBackByDeletingATensorAreFreeForOtherSessions() {
        try (var a = api.session(); var b = api.session()) {
            a.op("{\"op\": \"zeros\", \"attrs\": {\"size\": [1000]}, \"out\": \"z\"}").expect(200);
            a.deleteTensor("z").expect(204);
            b.op(Api.zeros("[1000]")).expect(200);
            b.op(Api.zeros("[1000]")).problem(429, "session-bytes-quota");
            a.op(Api.zeros("[500]")).expect(200);
        }
    }

    @Test
    void emptyTensorsHoldNoBytesButFillTheShareByTheirObjects() {
        try (var s = api.session()) {
            s.op(Api.emptyTensors(0, 14)).expect(200);
            assertThat(s.info().expect(200).json().get("bytes").asLong()).isZero();
            assertThat(total(s.op(Api.emptyTensors(14, 1)).problem(429, "total-bytes-quota")))
                    .isEqualTo("the service would hold 7680 bytes, over its limit of 7536");
            s.get("e14").problem(404, "tensor-not-found");
            s.deleteTensor("e0").expect(204);
            s.op(Api.emptyTensors(14, 1)).expect(200);
        }
    }

    @Test
    void modulesWithoutParametersFillTheShareByTheirLayers() {
        try (var s = api.session()) {
            for (int i = 0; i < 5; i++) s.module(reluNet(i)).expect(201);
            assertThat(total(s.module(reluNet(5)).problem(429, "total-bytes-quota")))
                    .isEqualTo("the service would hold 7680 bytes, over its limit of 7536");
            api.delete(s.path() + "/modules/net0").expect(204);
            s.module(reluNet(5)).expect(201);
        }
    }

    @Test
    void schedulersFillTheShare() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            s.optimizer("""
                    {"name": "opt", "type": "sgd", "params": ["w"], "lr": 0.1}""").expect(201);
            String schedulers = s.path() + "/optimizers/opt/schedulers";
            for (int i = 0; i < 19; i++) api.post(schedulers, stepLr(i)).expect(201);
            assertThat(total(api.post(schedulers, stepLr(19)).problem(429, "total-bytes-quota")))
                    .isEqualTo("the service would hold 7556 bytes, over its limit of 7536");
            api.get(schedulers + "/s19").problem(404, "scheduler-not-found");
            api.delete(schedulers + "/s0").expect(204);
            api.post(schedulers, stepLr(19)).expect(201);
        }
    }

    private static String reluNet(int i) {
        return "{\"name\": \"net" + i + "\", \"layers\": [{\"type\": \"relu\"}, {\"type\": \"relu\"}, {\"type\": \"relu\"}]}";
    }

    private static String stepLr(int i) {
        return "{\"name\": \"s" + i + "\", \"type\": \"step_lr\", \"stepSize\": 1}";
    }
}
