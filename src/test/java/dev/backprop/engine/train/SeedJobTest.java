package dev.backprop.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed job in process against PyTorch's run of it (src/test/acceptance/seed_job.json and seed_cases.json). */
class SeedJobTest {
    private static JsonNode job;
    private static JsonNode cases;
    private static LogisticRegressionTraining training;
    private static float[] initialWeights;
    private static float initialBias;
    private static final List<TrainingMetrics> metrics = new ArrayList<>();
    private static TrainingResult result;

    @BeforeAll
    static void runTheSeedJob() {
        job = AcceptanceCases.read("seed_job.json").get("jobs").get(0);
        cases = AcceptanceCases.read("seed_cases.json");
        training = new LogisticRegressionTraining(TrainingSpec.seedJob());
        initialWeights = training.weights();
        initialBias = training.bias();
        result = training.run(metrics::add, () -> false);
    }

    private static void assertWithinUlps(double actual, double expected, int ulps, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(ulps * (double) Math.ulp((float) expected)));
    }

    private static void assertRelative(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-4 * Math.abs(expected)));
    }

    @Test
    void theDataIsPyTorchsToTwoUlps() {
        float[][] rows = training.data().rows();
        JsonNode x0 = AcceptanceCases.expected(cases, "seed-4-data-and-init", "x0").get("data");
        JsonNode x1 = AcceptanceCases.expected(cases, "seed-4-data-and-init", "x1").get("data");
        assertThat(rows).hasNumberOfRows(200);
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 2; j++) {
                assertWithinUlps(rows[i][j], x0.get(i).get(j).asDouble(), 2, "x0[" + i + "][" + j + "]");
                assertWithinUlps(rows[100 + i][j], x1.get(i).get(j).asDouble(), 2, "x1[" + i + "][" + j + "]");
            }
        }
        JsonNode probe = job.get("probe").get("x");
        for (int i = 0; i < probe.size(); i++) {
            assertWithinUlps(rows[i][0], probe.get(i).get(0).asDouble(), 2, "probe x[" + i + "][0]");
        }
        float[] labels = training.data().labels();
        assertThat(labels[0]).isZero();
        assertThat(labels[99]).isZero();
        assertThat(labels[100]).isEqualTo(1f);
        assertThat(labels[199]).isEqualTo(1f);
    }

    @Test
    void theInitialParametersArePyTorchsToTwoUlps() {
        JsonNode w = AcceptanceCases.expected(cases, "seed-4-data-and-init", "lr_net.0.weight").get("data").get(0);
        JsonNode b = AcceptanceCases.expected(cases, "seed-4-data-and-init", "lr_net.0.bias").get("data").get(0);
        assertWithinUlps(initialWeights[0], w.get(0).asDouble(), 2, "w0");
        assertWithinUlps(initialWeights[1], w.get(1).asDouble(), 2, "w1");
        assertWithinUlps(initialBias, b.asDouble(), 2, "b");
        assertWithinUlps(initialWeights[0], 0.014638358727097511, 2, "w0");
        assertWithinUlps(initialWeights[1], 0.20306958258152008, 2, "w1");
        assertWithinUlps(initialBias, 0.25508731603622437, 2, "b");
    }

    @Test
    void itRuns541IterationsAndStopsAtIteration540() {
        assertThat(result.iterations()).isEqualTo(job.get("iterations").asInt()).isEqualTo(541);
        assertThat(result.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(metrics.getLast().iteration()).isEqualTo(540);
    }

    @Test
    void everyLoggedIterationMatchesPyTorch() {
        JsonNode expected = job.get("metrics");
        assertThat(metrics).hasSize(expected.size());
        long previousElapsed = 0;
        for (int i = 0; i < metrics.size(); i++) {
            TrainingMetrics got = metrics.get(i);
            JsonNode want = expected.get(i);
            String at = "iteration " + want.get("iteration").asInt();
            assertThat(got.iteration()).as(at).isEqualTo(want.get("iteration").asInt());
            assertThat(got.accuracy()).as(at + " accuracy").isEqualTo(want.get("accuracy").asDouble());
            assertRelative(got.loss(), want.get("loss").asDouble(), at + " loss");
            assertRelative(got.weights()[0], want.get("weights").get(0).asDouble(), at + " w0");
            assertRelative(got.weights()[1], want.get("weights").get(1).asDouble(), at + " w1");
            assertRelative(got.bias(), want.get("bias").asDouble(), at + " b");
            assertThat(got.elapsedNanos()).isGreaterThanOrEqualTo(previousElapsed);
            previousElapsed = got.elapsedNanos();
        }
    }

    @Test
    void theFinalParametersAndLossArePyTorchs() {
        JsonNode last = job.get("metrics").get(job.get("metrics").size() - 1);
        assertRelative(result.weights()[0], job.get("final").get("weights").get(0).asDouble(), "w0");
        assertRelative(result.weights()[1], job.get("final").get("weights").get(1).asDouble(), "w1");
        assertRelative(result.bias(), job.get("final").get("bias").asDouble(), "b");
        assertRelative(result.loss(), last.get("loss").asDouble(), "loss");
        assertThat(result.accuracy()).isEqualTo(0.995);
        assertThat(result.elapsedNanos()).isPositive();
    }

    @Test
    void theProbePredictionsArePyTorchs() {
        JsonNode probe = job.get("probe");
        float[][] x = new float[probe.get("x").size()][2];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = (float) probe.get("x").get(i).get(0).asDouble();
            x[i][1] = (float) probe.get("x").get(i).get(1).asDouble();
        }
        float[] p = training.predict(x);
        for (int i = 0; i < p.length; i++) {
            assertRelative(p[i], probe.get("probabilities").get(i).asDouble(), "probability " + i);
        }
    }
}
