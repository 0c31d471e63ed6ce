package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The new optimizers and the learning-rate schedulers over HTTP: RMSprop(lr=0.1) under StepLR(step_size=1,
 * gamma=0.5) for three iterations of w = [1, -2], loss = (w * w).sum() gives PyTorch 1.13's parameters
 * (src/test/java/dev/backprop/engine/optim/SchedulersTest.py prints them); and every refusal's status, code and text.
 */
@ServiceTest
class SchedulerApiTest extends ApiTest {
    private static final String LOSS = """
            {"ops": [{"op": "mul", "inputs": ["w", "w"], "out": "y"}, {"op": "sum", "inputs": ["y"], "out": "l"}]}""";

    private static String schedulers(Api.Session s) {
        return s.path() + "/optimizers/opt/schedulers";
    }

    @Test
    void anOptimizerStepsWithTheLrItsSchedulerSets() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0, -2.0], \"requiresGrad\": true}").expect(201);
            JsonNode opt = s.optimizer("""
                    {"name": "opt", "type": "rmsprop", "params": ["w"], "lr": 0.1}""").expect(201).json();
            assertThat(opt.toString()).isEqualTo("{\"name\":\"opt\",\"type\":\"rmsprop\",\"params\":[\"w\"],\"lr\":0.1}");

            Api.Response created = api.post(schedulers(s), """
                    {"name": "sched", "type": "step_lr", "stepSize": 1, "gamma": 0.5}""").expect(201);
            assertThat(created.headers().firstValue("Location"))
                    .hasValue("/api/v1/sessions/" + s.id() + "/optimizers/opt/schedulers/sched");
            assertThat(created.json().toString()).isEqualTo("""
                    {"name":"sched","type":"step_lr","optimizer":"opt","stepSize":1,"gamma":0.5,"lastEpoch":0,"lastLr":[0.1]}""");

            float[][] expected = {{5.960464477539063e-08f, -1.0f}, {2.9652184707629203e-08f, -0.7754933834075928f},
                {2.2164259760870664e-08f, -0.6929139494895935f}};
            double[] lrs = {0.05, 0.025, 0.0125};
            for (int i = 0; i < 3; i++) {
                s.op(LOSS).expect(200);
                s.backward("{\"tensors\": [\"l\"]}").expect(200);
                assertThat(Api.floats(s.step("opt").expect(200).json().get("updated").get(0).get("data"))).containsExactly(expected[i]);
                s.zeroGrad("opt").expect(200);
                JsonNode stepped = api.post(schedulers(s) + "/sched/step").expect(200).json();
                assertThat(stepped.get("lastEpoch").intValue()).isEqualTo(i + 1);
                assertThat(stepped.get("lastLr").toString()).isEqualTo("[" + lrs[i] + "]");
            }
            assertThat(api.get(s.path() + "/optimizers/opt").expect(200).json().get("lr").doubleValue()).isEqualTo(0.0125);
            assertThat(api.get(schedulers(s) + "/sched").expect(200).json().toString()).isEqualTo("""
                    {"name":"sched","type":"step_lr","optimizer":"opt","stepSize":1,"gamma":0.5,"lastEpoch":3,"lastLr":[0.0125]}""");
        }
    }

    @Test
    void schedulersOnOneOptimizerChainAndShowTheirOwnSettings() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            s.optimizer("{\"name\": \"opt\", \"type\": \"sgd\", \"params\": [\"w\"], \"lr\": 0.1}").expect(201);
            assertThat(api.post(schedulers(s), """
                    {"name": "warmup", "type": "linear_lr", "startFactor": 0.5, "totalIters": 4}""").expect(201).json().toString())
                    .isEqualTo("""
                            {"name":"warmup","type":"linear_lr","optimizer":"opt","startFactor":0.5,"endFactor":1.0,"totalIters":4,\
                            "lastEpoch":0,"lastLr":[0.05]}""");
            assertThat(api.post(schedulers(s), """
                    {"name": "cosine", "type": "cosine_annealing_lr", "tMax": 6, "etaMin": 0.001}""").expect(201).json().toString())
                    .isEqualTo("""
                            {"name":"cosine","type":"cosine_annealing_lr","optimizer":"opt","tMax":6,"etaMin":0.001,"lastEpoch":0,\
                            "lastLr":[0.05]}""");
            // SchedulersTest.py: LinearLR(start_factor=0.5, total_iters=4) + CosineAnnealingLR(T_max=6, eta_min=0.001)
            double[] lrs = {0.05838028116637149, 0.05651076951545867, 0.04428615406757897};
            for (double lr : lrs) {
                api.post(schedulers(s) + "/warmup/step").expect(200);
                assertThat(api.post(schedulers(s) + "/cosine/step").expect(200).json().get("lastLr").get(0).doubleValue()).isEqualTo(lr);
            }
            assertThat(api.get(s.path() + "/optimizers/opt").json().get("lr").doubleValue()).isEqualTo(0.04428615406757897);

            JsonNode exp = api.post(schedulers(s), """
                    {"name": "decay", "type": "EXPONENTIAL_LR", "gamma": 0.9}""").expect(201).json();
            assertThat(exp.toString()).isEqualTo("""
                    {"name":"decay","type":"exponential_lr","optimizer":"opt","gamma":0.9,"lastEpoch":0,"lastLr":[0.04428615406757897]}""");
        }
    }

    @Test
    void refusalsSayWhatPyTorchSays() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"w\", \"data\": [1.0], \"requiresGrad\": true}").expect(201);
            s.optimizer("{\"name\": \"opt\", \"type\": \"adamw\", \"params\": [\"w\"]}").expect(201);
            api.post(schedulers(s), "{\"name\": \"sched\", \"type\": \"exponential_lr\", \"gamma\": 0.5}").expect(201);

            assertThat(detail(api.post(schedulers(s), "{\"name\": \"sched\", \"type\": \"step_lr\", \"stepSize\": 2}")
                    .problem(409, "scheduler-exists"))).isEqualTo("optimizer 'opt' already has a scheduler 'sched'");
            assertThat(detail(api.get(schedulers(s) + "/nope").problem(404, "scheduler-not-found"))).isEqualTo("no scheduler 'nope'");
            api.post(schedulers(s) + "/nope/step").problem(404, "scheduler-not-found");
            assertThat(detail(api.post(s.path() + "/optimizers/nope/schedulers", "{\"name\": \"x\", \"type\": \"step_lr\", \"stepSize\": 2}")
                    .problem(404, "optimizer-not-found"))).isEqualTo("no optimizer 'nope'");
            api.get(s.path() + "/optimizers/nope").problem(404, "optimizer-not-found");

            assertThat(detail(api.post(schedulers(s), "{\"name\": \"a\", \"type\": \"step_lr\", \"gamma\": 0.5}")
                    .problem(422, "invalid-argument"))).isEqualTo("StepLR.__init__() missing 1 required positional argument: 'step_size'");
            assertThat(detail(api.post(schedulers(s), "{\"name\": \"a\", \"type\": \"step_lr\", \"stepSize\": 2, \"tMax\": 3}")
                    .problem(422, "invalid-argument"))).isEqualTo("step_lr does not take 'tMax'");
            assertThat(detail(api.post(schedulers(s), "{\"name\": \"a\", \"type\": \"cyclic_lr\"}").problem(422, "invalid-argument")))
                    .isEqualTo("unknown scheduler type 'cyclic_lr' (expected step_lr, exponential_lr, cosine_annealing_lr or linear_lr)");
            assertThat(detail(api.post(schedulers(s), "{\"name\": \"a\", \"type\": \"linear_lr\", \"startFactor\": 1.5}")
                    .problem(422, "invalid-argument"))).isEqualTo("Starting multiplicative factor expected to be between 0 and 1.");
            assertThat(detail(api.post(schedulers(s), "{\"name\": \"a\", \"type\": \"step_lr\", \"step_size\": 2}")
                    .problem(400, "unknown-field"))).isEqualTo("unknown field 'step_size'; did you mean 'stepSize'?");
            api.post(schedulers(s), "{\"name\": \"a\", \"type\": \"step_lr\", \"stepSize\": 2.5}").problem(400, "invalid-field");

            // StepLR(step_size=0) is made, but its next step divides by zero; the failed step changes nothing.
            api.post(schedulers(s), "{\"name\": \"zero\", \"type\": \"step_lr\", \"stepSize\": 0}").expect(201);
            assertThat(detail(api.post(schedulers(s) + "/zero/step").problem(422, "invalid-argument"))).isEqualTo("integer modulo by zero");
            assertThat(api.get(schedulers(s) + "/zero").json().get("lastEpoch").intValue()).isZero();
            assertThat(api.get(s.path() + "/optimizers/opt").json().get("lr").doubleValue()).isEqualTo(1e-3);

            assertThat(detail(s.optimizer("{\"name\": \"o2\", \"type\": \"adamw\", \"params\": [\"w\"], \"lr\": -1}")
                    .problem(422, "invalid-argument"))).isEqualTo("Invalid learning rate: -1.0");
            assertThat(detail(s.optimizer("{\"name\": \"o2\", \"type\": \"rmsprop\", \"params\": [\"w\"], \"betas\": [0.9, 0.99]}")
                    .problem(422, "invalid-argument"))).isEqualTo("rmsprop does not take 'betas'");
            assertThat(detail(s.optimizer("{\"name\": \"o2\", \"type\": \"adagrad\", \"params\": [\"w\"], \"lrDecay\": -0.1}")
                    .problem(422, "invalid-argument"))).isEqualTo("Invalid lr_decay value: -0.1");

            // A new optimizer under the same name replaces the old one and drops its schedulers.
            s.optimizer("{\"name\": \"opt\", \"type\": \"adagrad\", \"params\": [\"w\"]}").expect(201);
            api.get(schedulers(s) + "/sched").problem(404, "scheduler-not-found");
            api.post(schedulers(s), "{\"name\": \"sched\", \"type\": \"step_lr\", \"stepSize\": 2}").expect(201);
        }
    }

    @Test
    void jobsTrainWithTheNewOptimizers() {
        String id = api.post("/jobs", """
                {"optimizer": {"type": "rmsprop", "lr": 0.01, "centered": true}, "maxIterations": 5, "logEvery": 1}""")
                .expect(202).json().get("id").stringValue();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/jobs/" + id).json().get("status").stringValue().equals("SUCCEEDED"));
        assertThat(api.get("/jobs/" + id).json().get("result").get("iterations").intValue()).isEqualTo(5);
        assertThat(detail(api.post("/jobs", "{\"optimizer\": {\"type\": \"adamw\", \"momentum\": 0.9}}").problem(422, "invalid-argument")))
                .isEqualTo("adamw does not take 'momentum'");
    }

    private static String detail(JsonNode problem) {
        return problem.get("detail").stringValue();
    }
}
