package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.training.Job;
import dev.backprop.training.JobEvent;
import dev.backprop.training.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A job's events as server-sent events. Each subscriber is served by its own virtual thread that reads
 * the job's log from where the subscriber is, so a slow or dead subscriber never slows the job; one that
 * falls too far behind is disconnected and can resume with {@code Last-Event-ID}.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "jobs")
class JobEventsController {
    private static final long RETRY_MS = 2000;
    /**
     * A subscriber's pause after each write: events that arrive meanwhile go out together in the next
     * write, so a thousand subscribers cost a few wake-ups a second each rather than one per event.
     */
    private static final long COALESCE_MS = 20;
    private final JobService jobs;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

    /** Event streams open now. */
    int openStreams() {
        return open.get();
    }

    JobEventsController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "jobEvents", summary = "The job's events (status, metrics) as text/event-stream; every earlier event "
            + "first, or those after Last-Event-ID (header or lastEventId parameter); ends after the terminal status")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the event stream",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/event-stream",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", example = "id: 1\nevent: status\n"
                            + "data: {\"status\":\"QUEUED\"}\n\n")))
    SseEmitter events(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
                      @RequestParam(value = "lastEventId", required = false) String lastEventIdParam) {
        Job job = jobs.get(caller, id);
        long after = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
        SseEmitter emitter = new SseEmitter(0L);
        Thread.ofVirtual().name("sse-" + id).start(() -> stream(job, after, emitter));
        return emitter;
    }

    private void stream(Job job, long after, SseEmitter emitter) {
        open.incrementAndGet();
        try {
            serve(job, after, emitter);
        } finally {
            open.decrementAndGet();
        }
    }

    private void serve(Job job, long after, SseEmitter emitter) {
        long last = after;
        boolean first = true;
        try {
            while (true) {
                if (jobs.tooFarBehind(job, last)) {
                    emitter.complete();
                    return;
                }
                List<JobEvent> batch = jobs.eventsAfter(job, last);
                if (batch.isEmpty()) {
                    if (jobs.streamEnded(job, last)) {
                        emitter.complete();
                        return;
                    }
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    continue;
                }
                StringBuilder text = new StringBuilder();
                if (first) {
                    text.append("retry: ").append(RETRY_MS).append('\n');
                    first = false;
                }
                for (JobEvent e : batch) {
                    text.append("id: ").append(e.id()).append("\nevent: ").append(e.name()).append("\ndata: ").append(e.data()).append("\n\n");
                    last = e.id();
                }
                emitter.send(new Batch(text.toString()));
                if (jobs.streamEnded(job, last)) {
                    emitter.complete();
                    return;
                }
                Thread.sleep(COALESCE_MS);
            }
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    /** Several events written (and flushed) at once: one write per batch, however many events it holds. */
    private record Batch(String text) implements SseEmitter.SseEventBuilder {
        @Override
        public java.util.Set<org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType> build() {
            return java.util.Set.of(new org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType(
                    text, MediaType.TEXT_PLAIN));
        }

        @Override
        public SseEmitter.SseEventBuilder id(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder name(String eventName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder reconnectTime(long reconnectTimeMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder comment(String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SseEmitter.SseEventBuilder data(Object object, MediaType mediaType) {
            throw new UnsupportedOperationException();
        }
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) return 0;
        try {
            long id = Long.parseLong(lastEventId.trim());
            if (id < 0) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be an event id (a non-negative integer), got '" + lastEventId + "'");
        }
    }
}
