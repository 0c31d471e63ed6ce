package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.training.EventStream;
import dev.backprop.training.Job;
import dev.backprop.training.JobService;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A job's events as server-sent events. Each subscriber is served on its own virtual thread that writes the
 * job's log straight to the servlet response from where the subscriber is, so a slow or dead subscriber
 * never slows the job; one that falls too far behind is disconnected and can resume with
 * {@code Last-Event-ID}. Streams come out of the {@link StreamBudget}; past it the answer is 429 with
 * {@code Connection: close}, so that a refused client holds no connection either. A resume after the terminal
 * event answers 204, which tells an {@code EventSource} to stop reconnecting.
 *
 * <p>The stream is a plain servlet async response rather than a {@code StreamingResponseBody}: Spring
 * Framework 7 hands a {@code StreamingResponseBody} an output stream whose {@code flush()} does nothing
 * unless the {@code spring.http.response.flush.enabled} flag is set (see {@code ServletServerHttpResponse}),
 * which would hold every event in the response buffer until the job ended.
 */
@RestController
@RequestMapping("/api/v1/jobs")
class JobEventsController {
    private final JobService jobs;
    private final StreamBudget budget;
    private final ThreadFactory writers = Thread.ofVirtual().name("sse-", 0).factory();

    JobEventsController(JobService jobs, StreamBudget budget) {
        this.jobs = jobs;
        this.budget = budget;
    }

    /** Event streams open now. */
    int openStreams() {
        return budget.count();
    }

    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void events(Caller caller, @PathVariable String id,
                @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
                @RequestParam(value = "lastEventId", required = false) String lastEventIdParam,
                HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        Job job = jobs.get(caller, id);
        long after = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
        EventStream stream = jobs.stream(job);
        if (stream.isOverFor(after)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        String client = request.getRemoteAddr();
        try {
            budget.take(client);
        } catch (ApiException refused) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            throw refused;
        }
        try {
            start(stream, after, client, request, response);
        } catch (RuntimeException | IOException e) {
            budget.release(client);
            throw e;
        }
    }

    private void start(EventStream stream, long after, String client, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader("X-Accel-Buffering", "no");
        // Committed here, on the container's thread: the filters that write headers when a response commits (Spring
        // Security's) would otherwise do it on the writer's thread while this one unwinds them, and Tomcat's headers
        // are not safe for two threads (a stream among thousands opened at once then ended as an empty 500).
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        StreamResponse out = new StreamResponse(response.getOutputStream());
        async.addListener(out);
        Thread writer = writers.newThread(() -> {
            try {
                stream.writeTo(out, after);
            } catch (IOException gone) {
                // the subscriber closed its connection, or the request ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                budget.release(client);
                completeQuietly(async);
            }
        });
        out.writtenBy(writer);
        writer.start();
    }

    /** Completes the request unless the container has already ended it (the client went away). */
    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            // nothing left to complete
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
