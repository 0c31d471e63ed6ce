package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code del} of a scheduler, an optimizer and a module, as in Python: each name goes, what else holds the object's
 * parameters keeps them (a module's parameters stay bound to their names, and an optimizer over them still steps them).
 */
@ServiceTest
class DelApiTest extends ApiTest {

    @Test
    void aSchedulerAnOptimizerAndAModuleAreDroppedAndTheParametersStay() {
        try (var s = api.session(0L)) {
            s.module("""
                    {"name": "net", "layers": [{"type": "linear", "inFeatures": 2, "outFeatures": 1}]}""").expect(201);
            s.optimizer("""
                    {"name": "opt", "type": "sgd", "params": ["net"], "lr": 0.5}""").expect(201);
            String opt = s.path() + "/optimizers/opt";
            api.post(opt + "/schedulers", """
                    {"name": "decay", "type": "exponential_lr", "gamma": 0.5}""").expect(201);
            api.post(opt + "/schedulers/decay/step").expect(200);

            api.delete(opt + "/schedulers/decay").expect(204);
            api.get(opt + "/schedulers/decay").problem(404, "scheduler-not-found");
            api.delete(opt + "/schedulers/decay").problem(404, "scheduler-not-found");
            assertThat(api.get(opt).expect(200).json().get("lr").doubleValue()).as("the lr the scheduler last set").isEqualTo(0.25);

            api.delete(s.path() + "/modules/net").expect(204);
            api.get(s.path() + "/modules/net").problem(404, "module-not-found");
            api.delete(s.path() + "/modules/net").problem(404, "module-not-found");
            float[] weight = Api.floats(s.view("net.0.weight").get("data").get(0));
            s.op("""
                    {"op": "sum", "inputs": ["net.0.weight"], "out": "l"}""").expect(200);
            s.backward("""
                    {"tensors": ["l"]}""").expect(200);
            s.step("opt").expect(200);
            assertThat(Api.floats(s.view("net.0.weight").get("data").get(0))).containsExactly(weight[0] - 0.25f, weight[1] - 0.25f);

            api.delete(opt).expect(204);
            api.get(opt).problem(404, "optimizer-not-found");
            s.step("opt").problem(404, "optimizer-not-found");
            api.delete(opt + "/schedulers/decay").problem(404, "optimizer-not-found");
            s.view("net.0.weight");
        }
    }
}
