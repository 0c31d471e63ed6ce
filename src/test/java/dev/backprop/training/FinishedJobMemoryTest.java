package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.train.TrainingData;
import dev.backprop.engine.train.TrainingSpec;
import dev.backprop.session.Caller;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A finished job keeps its result, journal, points and model, and lets its training data go. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.memory.jobs=16MB",
        "backprop.jobs.max-log-bytes=256KB",
        "backprop.jobs.max-points=100"})
class FinishedJobMemoryTest {
    private static final Caller CALLER = new Caller("finished-job-memory");

    @Autowired
    JobService jobs;

    @Test
    void aCancelledJobsTrainingDataBecomesUnreachableWhileItStillPredicts() {
        Job job = jobs.submit(CALLER, new TrainingSpec(1L, TrainingData.synthetic(5_000, 1.7, 1.0, 2), null, 1_000_000, 2.0, 1_000));
        WeakReference<Tensor> data = new WeakReference<>(job.training.data().x());
        await().atMost(Duration.ofSeconds(30)).until(() -> job.latest() != null);
        jobs.cancel(CALLER, job.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> job.status() == JobStatus.CANCELLED);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return data.get() == null;
        });
        assertThat(job.rows()).hasNumberOfRows(100);
        assertThat(job.labels()).hasSize(100);
        assertThat(jobs.predict(CALLER, job.id(), new float[][] {{3f, 3f}, {-3f, -3f}})).hasSize(2);
        assertThat(job.memory.dataBytes()).isZero();
        assertThat(job.memory.keptBytes()).isEqualTo(job.keptBytes()).isLessThan(64 << 10);
    }

    @Test
    void aSucceededJobLetsGoOfItsInlineData() {
        float[] x = {2f, 2f, -2f, -2f};
        WeakReference<float[]> data = new WeakReference<>(x);
        Job job = jobs.submit(CALLER, new TrainingSpec(1L, TrainingData.inline(x, 2, new float[] {0f, 1f}), null, 50, 2.0, 10));
        x = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> job.status() == JobStatus.SUCCEEDED);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            System.gc();
            return data.get() == null;
        });
        assertThat(job.rows()).isDeepEqualTo(new float[][] {{2f, 2f}, {-2f, -2f}});
        assertThat(job.history()).extracting(m -> m.iteration()).containsExactly(0, 10, 20, 30, 40);
        assertThat(jobs.predict(CALLER, job.id(), new float[][] {{2f, 2f}})[0]).isLessThan(0.5f);
    }
}
