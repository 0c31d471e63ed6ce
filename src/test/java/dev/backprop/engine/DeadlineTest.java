package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.random.Generator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A request's deadline stops long kernels (on the calling thread and on the pool's workers) and backward
 * while they run, leaves nothing behind, and costs nothing to ops run without one. The long runs take far
 * longer than the 5 ms budget and nothing checks the deadline after them, so a stop shows a check inside.
 */
class DeadlineTest {
    private static final int N = 2000;
    private static final Duration BUDGET = Duration.ofMillis(5);
    private static final String STOPPED = "the request ran past its time budget of 5 ms and was stopped; nothing it did was kept";

    @Test
    void aProductOnTheCallingThreadStopsWhileItRuns() {
        // a float64 product narrower than a register tile runs the scalar loop on the calling thread
        Tensor a = random(DType.FLOAT64, 2000, 2000), b = random(DType.FLOAT64, 2000, 16);
        stops(() -> a.mm(b));
    }

    @Test
    void aProductSplitAcrossThePoolStopsWhileItRuns() {
        Tensor a = random(DType.FLOAT32, N, N), b = random(DType.FLOAT32, N, N);
        stops(() -> a.mm(b));
        stops(() -> a.mm(b.t()));
    }

    @Test
    void backwardStopsWhileItRunsAndWritesNoGradient() {
        // Backward is two products of the forward's size; half the side keeps the test short.
        Tensor x = random(DType.FLOAT32, N / 2, N / 2).requiresGrad_(true), y = random(DType.FLOAT32, N / 2, N / 2).requiresGrad_(true);
        Tensor loss = x.mm(y).sum();
        loss.backward(null, true, false);
        float[] grad = x.grad().toFloatArray();
        stops(loss::backward);
        assertThat(x.grad().toFloatArray()).isEqualTo(grad);
    }

    @Test
    void backwardChecksTheDeadlineBetweenNodes() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2).requiresGrad_(true);
        Tensor loss = x.add(x).sum();
        try (GradMode.Scope ignored = Deadline.set(System.nanoTime())) {
            assertThatThrownBy(loss::backward).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TIME_BUDGET));
        }
        assertThat(x.grad()).isNull();
        loss.backward();
        assertThat(x.grad().toFloatArray()).containsExactly(2f, 2f);
    }

    @Test
    void anInPlaceOpPastTheDeadlineLeavesItsTensorAsItWas() {
        Tensor x = random(DType.FLOAT32, 1 << 20), y = random(DType.FLOAT32, 1 << 20);
        float[] before = x.toFloatArray();
        int version = x.version();
        try (GradMode.Scope ignored = Deadline.set(System.nanoTime())) {
            assertThatThrownBy(() -> x.add_(y)).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TIME_BUDGET));
            assertThatThrownBy(() -> x.sigmoid()).as("split across the pool").isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TIME_BUDGET));
        }
        assertThat(x.toFloatArray()).isEqualTo(before);
        assertThat(x.version()).isEqualTo(version);
    }

    @Test
    void opsWithoutADeadlineAreUnaffected() {
        Tensor a = random(DType.FLOAT32, 300, 300);
        float[] product = a.mm(a).toFloatArray();
        try (GradMode.Scope ignored = Deadline.set(System.nanoTime())) {
            assertThatThrownBy(() -> a.mm(a)).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TIME_BUDGET));
            float[] onAnotherThread = CompletableFuture.supplyAsync(() -> a.mm(a).toFloatArray()).join();
            assertThat(onAnotherThread).isEqualTo(product);
        }
        assertThat(a.mm(a).toFloatArray()).isEqualTo(product);
    }

    @Test
    void kernelWorkThatFitsInOneBlockFinishesEvenPastTheDeadline() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        try (GradMode.Scope ignored = Deadline.set(System.nanoTime())) {
            assertThat(a.mm(a).toFloatArray()).containsExactly(7f, 10f, 15f, 22f);
            assertThat(a.add(a).sum().item()).isEqualTo(20.0);
        }
    }

    @Test
    void aDeadlineNotReachedChangesNoResult() {
        Tensor a = random(DType.FLOAT32, 300, 300), b = random(DType.FLOAT32, 300, 300);
        Tensor x = random(DType.FLOAT32, 1 << 19);
        float[] product = a.mm(b).toFloatArray(), transposed = a.t().mv(x.narrow(0, 0, 300)).toFloatArray();
        float[] sigmoid = x.sigmoid().toFloatArray();
        double sum = x.sum().item();
        try (GradMode.Scope ignored = Deadline.within(Duration.ofHours(1))) {
            assertThat(a.mm(b).toFloatArray()).isEqualTo(product);
            assertThat(a.t().mv(x.narrow(0, 0, 300)).toFloatArray()).isEqualTo(transposed);
            // The Vector API's EXP differs in the last bit between interpreted and compiled code, deadline or not.
            assertThat(x.sigmoid().toFloatArray()).usingComparatorWithPrecision(1e-6f).containsExactly(sigmoid);
            assertThat(x.sum().item()).isEqualTo(sum);
        }
    }

    @Test
    void aScopeRestoresThePreviousDeadline() {
        try (GradMode.Scope outer = Deadline.set(System.nanoTime())) {
            try (GradMode.Scope inner = Deadline.within(Duration.ofHours(1))) {
                Deadline.check();
            }
            assertThatThrownBy(Deadline::check).isInstanceOfSatisfying(EngineException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TIME_BUDGET));
        }
        Deadline.check();
    }

    @Test
    void theBudgetIsNamedInMillisecondsOrSeconds() {
        assertThat(Deadline.format(250_000_000L)).isEqualTo("250 ms");
        assertThat(Deadline.format(10_000_000_000L)).isEqualTo("10 s");
        assertThat(Deadline.format(1_500_000_000L)).isEqualTo("1.5 s");
        try (GradMode.Scope ignored = Deadline.set(System.nanoTime())) {
            assertThatThrownBy(Deadline::check).hasMessage("the request ran past its time budget of 0 ms and was stopped; "
                    + "nothing it did was kept");
        }
    }

    /** Runs {@code work} under a deadline {@link #BUDGET} from now, which stops it. */
    private static void stops(Runnable work) {
        try (GradMode.Scope ignored = Deadline.within(BUDGET)) {
            assertThatThrownBy(work::run).isInstanceOfSatisfying(EngineException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TIME_BUDGET);
                assertThat(e).hasMessage(STOPPED);
            });
        }
    }

    private static Tensor random(DType dtype, int... shape) {
        return RandomOps.randn(shape, dtype, new Generator(0));
    }
}
