package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backprop.Application;
import dev.backprop.store.DebianPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL stopped as if it crashed ({@code pg_ctl stop -m immediate}) while a job trains: readiness goes DOWN,
 * a new job is refused with 503 and Retry-After (never 500), the running job goes on; once the server is back,
 * readiness comes back and the job completes on its own, every one of its events written and streamed.
 */
class StoreOutageTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static DebianPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static String base, readiness;

    @BeforeAll
    static void start() throws Exception {
        postgres = DebianPostgres.start();
        service = new SpringApplicationBuilder(Application.class).run("--server.port=0", "--management.server.port=0",
                "--backprop.store.type=external", "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort() + "/api/v1";
        String management = service.getEnvironment().getProperty("local.management.port");
        readiness = "http://127.0.0.1:" + management + "/actuator/health/readiness";
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
        postgres.close();
    }

    @Test
    void aLostDatabaseTurnsReadinessDownAndRefusesNewJobsUntilItIsBackThenTheJobCompletes() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(readiness))).statusCode()).isEqualTo(200);
        HttpResponse<String> created = post("""
                {"data": {"synthetic": {"samplesPerClass": 2000, "features": 16}}, "maxIterations": 200000, "targetAccuracy": 2.0,
                 "logEvery": 5000}""");
        assertThat(created.statusCode()).isEqualTo(202);
        String id = JSON.readTree(created.body()).get("id").stringValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> job(id).contains("\"status\":\"RUNNING\""));

        postgres.stopImmediately();
        await().atMost(Duration.ofSeconds(30)).until(() -> send(HttpRequest.newBuilder(URI.create(readiness))).statusCode() == 503);
        HttpResponse<String> refused = post("{}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(refused.body()).get("code").stringValue()).isEqualTo("store-unavailable");
        assertThat(JSON.readTree(refused.body()).get("detail").stringValue()).isEqualTo("the job store cannot be reached now; retry shortly");
        assertThat(job(id)).doesNotContain("FAILED");

        postgres.startAgain();
        await().atMost(Duration.ofSeconds(60)).until(() -> send(HttpRequest.newBuilder(URI.create(readiness))).statusCode() == 200);
        await().atMost(Duration.ofSeconds(120)).until(() -> job(id).contains("\"status\":\"SUCCEEDED\""));
        List<Sse.Event> events = Sse.read(base + "/jobs/" + id + "/events", null);
        assertThat(events).extracting(Sse.Event::id).containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).filteredOn(e -> e.name().equals("metrics")).hasSize(40);
        assertThat(events.getLast().data().toString()).isEqualTo("{\"status\":\"SUCCEEDED\"}");
        assertThat(post("{}").statusCode()).isEqualTo(202);
    }

    private static String job(String id) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + id))).body();
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
