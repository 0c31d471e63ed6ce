package dev.backprop.web;

import dev.backprop.training.JobService;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first thing to happen on SIGTERM (the context's close, before any bean stops): readiness goes
 * down, new jobs answer 503, running jobs get {@code backprop.shutdown.job-grace} to finish and are then
 * cancelled, so that every job ends with its terminal event and every open event stream closes before
 * the web server's own graceful shutdown waits for requests.
 */
@Component
class GracefulShutdown {
    private final JobService jobs;
    private final Duration jobGrace;

    GracefulShutdown(JobService jobs, @Value("${backprop.shutdown.job-grace:5s}") Duration jobGrace) {
        this.jobs = jobs;
        this.jobGrace = jobGrace;
    }

    @EventListener
    void onClose(ContextClosedEvent event) {
        AvailabilityChangeEvent.publish(event.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
        jobs.shutdown(jobGrace);
    }
}
