package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.training.EventStream;
import dev.backprop.training.Job;
import dev.backprop.training.JobService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A job's events as server-sent events. Each subscriber is served on its own virtual thread (the MVC async
 * executor of {@link WebConfig}) that writes the job's log to the response from where the subscriber is, so
 * a slow or dead subscriber never slows the job; one that falls too far behind is disconnected and can
 * resume with {@code Last-Event-ID}.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "jobs")
class JobEventsController {
    private final JobService jobs;
    private final AtomicInteger open = new AtomicInteger();

    JobEventsController(JobService jobs) {
        this.jobs = jobs;
    }

    /** Event streams open now. */
    int openStreams() {
        return open.get();
    }

    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "jobEvents", summary = "The job's events (status, metrics) as text/event-stream; every earlier event "
            + "first, or those after Last-Event-ID (header or lastEventId parameter); ends after the terminal status")
    @ApiResponse(responseCode = "200", description = "the event stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(type = "string", example = "id: 1\nevent: status\ndata: {\"status\":\"QUEUED\"}\n\n")))
    ResponseEntity<StreamingResponseBody> events(@Parameter(hidden = true) Caller caller, @PathVariable String id,
                                                 @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
                                                 @RequestParam(value = "lastEventId", required = false) String lastEventIdParam) {
        Job job = jobs.get(caller, id);
        long after = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
        EventStream stream = jobs.stream(job);
        StreamingResponseBody body = out -> {
            open.incrementAndGet();
            try {
                stream.writeTo(out, after);
            } catch (IOException gone) {
                // the subscriber closed its connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                open.decrementAndGet();
            }
        };
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no").body(body);
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
