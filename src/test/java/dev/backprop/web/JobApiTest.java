package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Every subscriber here comes from 127.0.0.1, one client: its stream cap is raised to take 200 of them. */
@ServiceTest
@TestPropertySource(properties = "backprop.jobs.max-streams-per-client=200")
class JobApiTest extends ApiTest {
    @Autowired
    JobEventsController streams;

    private static final String SEED_JOB = """
            {"data": {"synthetic": {"samplesPerClass": 100, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "seed": 1,
             "optimizer": {"type": "sgd", "lr": 0.01, "momentum": 0.9}, "maxIterations": 1000, "targetAccuracy": 0.99, "logEvery": 20}""";

    private String start(String spec) {
        Api.Response r = api.post("/jobs", spec).expect(202);
        String id = r.json().get("id").stringValue();
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/jobs/" + id);
        return id;
    }

    private String events(String id) {
        return api.base() + "/jobs/" + id + "/events";
    }

    private static String endless(int logEvery) {
        return "{\"maxIterations\": 1000000, \"targetAccuracy\": 2.0, \"logEvery\": " + logEvery + "}";
    }

    @Test
    void theSeedJobStreamsPyTorchsRunAndPredicts() throws Exception {
        String id = start(SEED_JOB);
        List<Sse.Event> events = Sse.read(events(id), null);
        assertThat(events).extracting(Sse.Event::id).containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        List<Sse.Event> metrics = events.stream().filter(e -> e.name().equals("metrics")).toList();
        assertThat(metrics).hasSize(28);
        assertThat(metrics.get(0).data().get("loss").doubleValue()).isCloseTo(0.9220798015594482, within(1e-5));
        assertThat(metrics.get(27).data().get("iteration").intValue()).isEqualTo(540);
        assertThat(metrics.get(27).data().get("accuracy").doubleValue()).isEqualTo(0.995);
        assertThat(events.get(0).data().get("status").stringValue()).isEqualTo("QUEUED");
        assertThat(events.getLast().data().get("status").stringValue()).isEqualTo("SUCCEEDED");

        JsonNode job = api.get("/jobs/" + id).expect(200).json();
        assertThat(job.get("status").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(job.get("result").get("iterations").intValue()).isEqualTo(541);
        assertThat(job.get("result").get("bias").doubleValue()).isCloseTo(2.223867416381836, within(1e-4));

        JsonNode p = api.post("/jobs/" + id + "/predict", "{\"x\": [[1.1744041442871094, 1.949768304824829]]}").expect(200).json();
        assertThat(p.get("probabilities").get(0).doubleValue()).isCloseTo(0.05580909550189972, within(1e-5));
        assertThat(p.get("classes").get(0).intValue()).isZero();
    }

    @Test
    void twoHundredConcurrentSubscribersEachReceiveEveryEventInOrder() throws Exception {
        String id = start("{\"maxIterations\": 3000, \"targetAccuracy\": 2.0, \"logEvery\": 10}");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Sse.Event>>> streams = new ArrayList<>();
            for (int i = 0; i < 200; i++) streams.add(pool.submit(() -> Sse.read(events(id), null)));
            for (Future<List<Sse.Event>> f : streams) {
                List<Sse.Event> events = f.get();
                assertThat(events).hasSize(303);
                assertThat(events).extracting(Sse.Event::id).containsExactlyElementsOf(LongStream.rangeClosed(1, 303).boxed().toList());
                assertThat(events.getLast().data().get("status").stringValue()).isEqualTo("SUCCEEDED");
            }
        }
    }

    @Test
    void eventsArriveWhileTheJobRunsNotWhenItEnds() throws Exception {
        String id = start(endless(100_000));
        try (Sse.Subscription stream = Sse.subscribe(events(id), null)) {
            Sse.Event e = stream.next();
            while (e != null && !e.name().equals("metrics")) e = stream.next();
            assertThat(e).as("the metrics of iteration 0").isNotNull();
            assertThat(e.data().get("iteration").intValue()).isZero();
            assertThat(api.get("/jobs/" + id).json().get("status").stringValue()).isEqualTo("RUNNING");
        } finally {
            api.post("/jobs/" + id + "/cancel");
        }
    }

    @Test
    void aSubscriberThatHangsUpEndsItsStream() throws Exception {
        String id = start(endless(100));
        int before = streams.openStreams();
        try {
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write(("GET /api/v1/jobs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(client.getInputStream().read()).isPositive();
            }
            for (int i = 0; i < 200 && streams.openStreams() > before; i++) Thread.sleep(25);
            assertThat(streams.openStreams()).isLessThanOrEqualTo(before);
        } finally {
            api.post("/jobs/" + id + "/cancel");
        }
    }

    @Test
    void resumingAfterAnEventIdGivesExactlyTheRest() throws Exception {
        String id = start(SEED_JOB);
        List<Sse.Event> all = Sse.read(events(id), null);
        List<Sse.Event> rest = Sse.read(events(id), "7");
        assertThat(rest).extracting(Sse.Event::id).containsExactlyElementsOf(all.subList(7, all.size()).stream().map(Sse.Event::id).toList());
        List<Sse.Event> byParameter = Sse.read(events(id) + "?lastEventId=" + (all.size() - 1), null);
        assertThat(byParameter).extracting(Sse.Event::id).containsExactly((long) all.size());
    }

    @Test
    void resumingAfterTheTerminalEventAnswers204SoThatEventSourceStops() throws Exception {
        String id = start(SEED_JOB);
        List<Sse.Event> all = Sse.read(events(id), null);
        long terminal = all.getLast().id();
        for (long after : new long[] {terminal, terminal + 5}) {
            Api.Response r = api.send(HttpRequest.newBuilder(URI.create(events(id))).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", Long.toString(after)).GET());
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.body()).isEmpty();
        }
        assertThat(api.get("/jobs/" + id + "/events?lastEventId=" + terminal, "text/event-stream").expect(204).body()).isEmpty();

        List<Sse.Event> rest = Sse.read(events(id), Long.toString(terminal - 2));
        assertThat(rest).extracting(Sse.Event::id).containsExactly(terminal - 1, terminal);
        assertThat(rest.getLast().data().get("status").stringValue()).isEqualTo("SUCCEEDED");
    }

    @Test
    void cancelEndsTheJobWithATerminalEventOnEveryOpenStream() throws Exception {
        String id = start(endless(1000));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<Sse.Event>> first = pool.submit(() -> Sse.read(events(id), null));
            Future<List<Sse.Event>> second = pool.submit(() -> Sse.read(events(id), null));
            for (int i = 0; i < 200 && !api.get("/jobs/" + id).json().get("status").stringValue().equals("RUNNING"); i++) Thread.sleep(25);
            assertThat(api.post("/jobs/" + id + "/cancel").expect(200).json().get("status").stringValue()).isIn("RUNNING", "CANCELLED");
            for (Future<List<Sse.Event>> f : List.of(first, second)) {
                assertThat(f.get().getLast().data().get("status").stringValue()).isEqualTo("CANCELLED");
            }
        }
        assertThat(api.get("/jobs/" + id).json().get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(api.post("/jobs/" + id + "/cancel").expect(200).json().get("status").stringValue()).isEqualTo("CANCELLED");
    }

    @Test
    void aFinishedJobCannotBeCancelled() throws Exception {
        String id = start(SEED_JOB);
        Sse.read(events(id), null);
        api.post("/jobs/" + id + "/cancel").problem(409, "job-finished");
    }

    @Test
    void aSubscriberThatStopsReadingDoesNotDelayTheJob() throws Exception {
        String id = start("{\"maxIterations\": 10000, \"targetAccuracy\": 2.0, \"logEvery\": 1}");
        try (Socket stuck = new Socket("127.0.0.1", port)) {
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /api/v1/jobs/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = stuck.getInputStream();
            assertThat(in.read()).isPositive();
            List<Sse.Event> events = Sse.read(events(id), null);
            assertThat(events.getLast().data().get("status").stringValue()).isEqualTo("SUCCEEDED");
            assertThat(events.stream().filter(e -> e.name().equals("metrics")).count()).isEqualTo(10000);
        }
    }

    @Test
    void thePlotIsTheSeedsFigureAsSvgOrPng() throws Exception {
        String id = start(SEED_JOB);
        Sse.read(events(id), null);
        Api.Response svg = api.get("/jobs/" + id + "/plot", "image/svg+xml").expect(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg", "Iteration: 540", "Loss=0.0447", "accuracy:99.50%");
        assertThat(api.get("/jobs/" + id + "/plot?iteration=20", "image/svg+xml").expect(200).body()).contains("Iteration: 20");
        api.get("/jobs/" + id + "/plot?iteration=21", "image/svg+xml").problem(422, "iteration-not-logged");
        Api.Response png = api.get("/jobs/" + id + "/plot", "image/png").expect(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(api.get("/jobs/" + id + "/plot", "*/*").expect(200).contentType()).startsWith("image/svg+xml");
        assertThat(api.get("/jobs/" + id + "/plot", "application/problem+json").expect(200).contentType()).startsWith("image/svg+xml");
        assertThat(api.get("/jobs/" + id + "/plot?format=png", "application/problem+json").expect(200).contentType())
                .startsWith("image/png");
        assertThat(api.get("/jobs/" + id + "/plot?format=gif").problem(400, "invalid-request").get("detail").stringValue())
                .isEqualTo("'format' must be svg or png, not 'gif'");
        api.get("/jobs/" + id + "/plot", "text/html").problem(406, "not-acceptable");

        String three = start("{\"data\": {\"synthetic\": {\"features\": 3}}, \"maxIterations\": 20}");
        Sse.read(events(three), null);
        api.get("/jobs/" + three + "/plot", "image/svg+xml").problem(422, "plot-needs-two-features");
    }

    @Test
    void badJobsAreRefused() {
        api.post("/jobs", "{\"data\": {\"inline\": {\"x\": [[1, 2], [3]], \"y\": [0, 1]}}}").problem(400, "invalid-request");
        api.post("/jobs", "{\"data\": {\"inline\": {\"x\": [[1, 2], [3, 4]], \"y\": [0, 2]}}}").problem(400, "invalid-request");
        api.post("/jobs", "{\"data\": {\"synthetic\": {\"samplesPerClass\": 10}, \"inline\": {\"x\": [[1]], \"y\": [0]}}}")
                .problem(400, "invalid-request");
        api.post("/jobs", "{\"optimizer\": {\"type\": \"sgd\", \"lr\": 1e309}}").problem(400, "non-finite-number");
        api.post("/jobs", "{\"data\": {\"synthetic\": {\"samplesPerClass\": 100000000}}}").problem(413, "job-too-large");
        api.get("/jobs/no-such-job").problem(404, "job-not-found");
    }
}
