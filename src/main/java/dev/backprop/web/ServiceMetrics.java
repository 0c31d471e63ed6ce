package dev.backprop.web;

import dev.backprop.session.OpExecutor;
import dev.backprop.session.SessionService;
import dev.backprop.training.JobService;
import dev.backprop.training.JobStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Backprop's own metrics for {@code /actuator/prometheus}: live sessions, tensor bytes held, ops run,
 * jobs by status, training iterations and open event streams (rates come from the counters).
 */
@Component
class ServiceMetrics implements MeterBinder {
    private final SessionService sessions;
    private final OpExecutor ops;
    private final JobService jobs;
    private final JobEventsController streams;

    ServiceMetrics(SessionService sessions, OpExecutor ops, JobService jobs, JobEventsController streams) {
        this.sessions = sessions;
        this.ops = ops;
        this.jobs = jobs;
        this.streams = streams;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("backprop.sessions.live", sessions, SessionService::count).description("live sessions").register(registry);
        Gauge.builder("backprop.tensor.bytes", sessions, SessionService::totalBytes).baseUnit("bytes")
                .description("bytes of tensor data the sessions hold, graphs included").register(registry);
        Gauge.builder("backprop.sessions.heap.bytes", sessions, SessionService::heapBytes).baseUnit("bytes")
                .description("what the sessions take of their share of the heap: their tensors, graphs, modules and optimizers")
                .register(registry);
        FunctionCounter.builder("backprop.ops", ops, OpExecutor::opsRun).description("ops run").register(registry);
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("backprop.jobs", jobs, j -> j.countByStatus().get(status)).tag("status", status.name().toLowerCase(Locale.ROOT))
                    .description("jobs by status").register(registry);
        }
        FunctionCounter.builder("backprop.training.iterations", jobs, JobService::iterationsRun)
                .description("training iterations of finished jobs").register(registry);
        Gauge.builder("backprop.event.streams.open", streams, JobEventsController::openStreams).description("open event streams")
                .register(registry);
    }
}
