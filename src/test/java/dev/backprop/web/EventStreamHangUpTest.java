package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A subscriber that hangs up while its backlog is being written is an ordinary event, not an error in the log.
 * Whether the container dispatches such a request to the error page depends on a race between the stream's
 * writer completing the request and the container noticing the broken connection (about one hang-up in ten
 * here), so the test hangs up often enough that the error page is all but certain to be reached.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class EventStreamHangUpTest extends ApiTest {
    private static final String LONG_JOB = """
            {"maxIterations": 200000, "targetAccuracy": 2, "logEvery": 1}""";
    private static final int BACKLOG_ITERATIONS = 20_000;
    private static final int HANG_UPS = 50;

    @Autowired
    JobEventsController streams;

    @Test
    void subscribersThatHangUpMidBacklogLogNoErrorOrWarning(CapturedOutput output) throws Exception {
        int before = streams.openStreams();
        String id = api.post("/jobs", LONG_JOB).expect(202).json().get("id").stringValue();
        int logStart = output.getAll().length();
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> backlogOf(id) >= BACKLOG_ITERATIONS);
            for (int i = 0; i < HANG_UPS; i++) {
                hangUpAfterAFewEvents(id);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> streams.openStreams() <= before);
        } finally {
            api.post("/jobs/" + id + "/cancel");
        }
        assertThat(output.getAll().substring(logStart).lines().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")))
                .isEmpty();
    }

    /** The latest logged iteration, or the whole run once the job has ended. */
    private int backlogOf(String id) {
        var job = api.get("/jobs/" + id).expect(200).json();
        return job.path("status").stringValue().equals("RUNNING") || job.path("status").stringValue().equals("QUEUED")
                ? job.path("metrics").path("iteration").asInt(0) : Integer.MAX_VALUE;
    }

    private void hangUpAfterAFewEvents(String id) throws Exception {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(("GET /api/v1/jobs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertThat(in.readNBytes(4096)).hasSize(4096);
            client.setSoLinger(true, 0);
        }
    }
}
