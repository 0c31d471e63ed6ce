package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.Application;
import dev.backprop.store.EmbeddedStore;
import dev.backprop.engine.optim.OptimizerSpec;
import dev.backprop.engine.train.LogisticRegressionTraining;
import dev.backprop.engine.train.TrainingData;
import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.engine.train.TrainingSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jobs on the embedded store outlive the service: stopped while a job trains, the service hands the job back (a
 * checkpoint, its streams ended without a terminal event); started again on the same folder, it goes on with the
 * job, which ends with exactly the numbers of an uninterrupted run, and a client that resumes its stream with
 * Last-Event-ID gets every event id once, in order.
 */
class DurableJobsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TrainingSpec SPEC = new TrainingSpec(1L, TrainingData.synthetic(1000, 1.7, 1.0, 8), OptimizerSpec.sgd(0.01, 0.9),
            60000, 2.0, 500);
    private static Path folder;

    @BeforeAll
    static void folder() throws Exception {
        folder = Files.createTempDirectory("backprop-durable");
    }

    @AfterAll
    static void removeFolder() throws Exception {
        dev.backprop.store.Folders.delete(folder);
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class).run("--server.port=0", "--management.server.port=0",
                "--backprop.store.type=embedded", "--backprop.store.path=" + folder, "--backprop.store.write-interval=100ms");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + "/api/v1";
    }

    @Test
    void aJobStoppedWithTheServiceGoesOnInTheNextOneWithTheSameNumbersAndEvents() throws Exception {
        List<TrainingMetrics> uninterruptedMetrics = new ArrayList<>();
        TrainingResult uninterrupted = new LogisticRegressionTraining(SPEC).run(uninterruptedMetrics::add, () -> false);

        ConfigurableApplicationContext first = start();
        String id;
        List<Sse.Event> seen = new ArrayList<>();
        try {
            String base = base(first);
            id = JSON.readTree(post(base + "/jobs", """
                    {"seed": 1, "data": {"synthetic": {"samplesPerClass": 1000, "features": 8}}, "maxIterations": 60000,
                     "targetAccuracy": 2.0, "logEvery": 500}""")).get("id").stringValue();
            Sse.Subscription stream = Sse.subscribe(base + "/jobs/" + id + "/events", null);
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                for (Sse.Event e = stream.next(); e != null; e = stream.next()) {
                    synchronized (seen) {
                        seen.add(e);
                    }
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                synchronized (seen) {
                    return seen.stream().filter(e -> e.name().equals("metrics")).count() >= 3;
                }
            });
            first.close();
            reading.get();
            stream.close();
        } finally {
            first.close();
        }
        assertThat(seen.stream().filter(e -> e.name().equals("status")).map(e -> e.data().toString()))
                .containsExactly("{\"status\":\"QUEUED\"}", "{\"status\":\"RUNNING\"}");

        ConfigurableApplicationContext second = start();
        try {
            String base = base(second);
            List<Sse.Event> rest = Sse.read(base + "/jobs/" + id + "/events", Long.toString(seen.getLast().id()));
            List<Sse.Event> all = new ArrayList<>(seen);
            all.addAll(rest);
            assertThat(all).extracting(Sse.Event::id).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, all.size()).boxed().toList());
            assertThat(all.getLast().data().toString()).isEqualTo("{\"status\":\"SUCCEEDED\"}");
            List<JsonNode> metrics = all.stream().filter(e -> e.name().equals("metrics")).map(Sse.Event::data).toList();
            assertThat(metrics).hasSize(uninterruptedMetrics.size());
            for (int i = 0; i < metrics.size(); i++) {
                TrainingMetrics expected = uninterruptedMetrics.get(i);
                assertThat(metrics.get(i).get("iteration").intValue()).isEqualTo(expected.iteration());
                assertThat(metrics.get(i).get("loss").doubleValue()).isEqualTo(expected.loss());
                assertThat(metrics.get(i).get("bias").floatValue()).isEqualTo(expected.bias());
            }
            JsonNode result = JSON.readTree(get(base + "/jobs/" + id)).get("result");
            assertThat(result.get("loss").doubleValue()).isEqualTo(uninterrupted.loss());
            assertThat(result.get("accuracy").doubleValue()).isEqualTo(uninterrupted.accuracy());
            assertThat(result.get("bias").floatValue()).isEqualTo(uninterrupted.bias());
            assertThat(result.get("iterations").intValue()).isEqualTo(uninterrupted.iterations());
            float[] weights = new float[result.get("weights").size()];
            for (int i = 0; i < weights.length; i++) weights[i] = result.get("weights").get(i).floatValue();
            assertThat(weights).containsExactly(uninterrupted.weights());
        } finally {
            second.close();
        }
    }

    @Test
    void aJobWhoseCheckpointNoLongerReadsEndsFailedWithTheReason() throws Exception {
        ConfigurableApplicationContext first = start();
        String id;
        try {
            String base = base(first);
            id = JSON.readTree(post(base + "/jobs", """
                    {"maxIterations": 1000000, "targetAccuracy": 2.0, "logEvery": 1000}""")).get("id").stringValue();
            DataSource database = first.getBean(DataSource.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> JdbcClient.create(database).sql("SELECT count(*) FROM job_checkpoints WHERE job_id = ?")
                    .param(java.util.UUID.fromString(id)).query(Long.class).single() == 1);
        } finally {
            first.close();
        }
        try (EmbeddedStore store = EmbeddedStore.start(folder)) {
            JdbcClient.create(store.dataSource()).sql("UPDATE job_checkpoints SET state = ? WHERE job_id = ?")
                    .params(new byte[] {1, 2, 3}, java.util.UUID.fromString(id)).update();
        }
        ConfigurableApplicationContext second = start();
        try {
            String base = base(second);
            JsonNode job = JSON.readTree(get(base + "/jobs/" + id));
            assertThat(job.get("status").stringValue()).isEqualTo("FAILED");
            assertThat(job.get("error").stringValue()).startsWith("the job could not go on after a restart: ");
            List<Sse.Event> events = Sse.read(base + "/jobs/" + id + "/events", null);
            assertThat(events.getLast().data().get("status").stringValue()).isEqualTo("FAILED");
            assertThat(events.getLast().data().get("error").stringValue()).isEqualTo(job.get("error").stringValue());
            assertThat(events).extracting(Sse.Event::id).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        } finally {
            second.close();
        }
    }

    private static String get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String url, String json) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.body();
    }
}
