package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.session.Limits;
import dev.backprop.training.JobLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * The service serves {@code openapi/openapi.yaml} exactly as committed, Swagger UI shows it, and the limits the
 * spec states as schema constraints are the service's defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiSpecTest {
    @LocalServerPort
    int port;
    @Autowired
    Limits limits;
    @Autowired
    JobLimits jobLimits;

    @Test
    void committedSpecIsWhatTheServiceServes() throws Exception {
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs.yaml")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("application/yaml");
        assertThat(served.body()).isEqualTo(Files.readAllBytes(Path.of("openapi/openapi.yaml")));
        assertThat(new String(served.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("openapi: 3.1.0");
    }

    @Test
    void theSpecStatesTheDefaultLimits() throws Exception {
        Map<String, Object> schemas = at(new Yaml().load(Files.readString(Path.of("openapi/openapi.yaml"))), "components", "schemas");
        assertThat(at(schemas, "Name").get("maxLength")).isEqualTo(limits.maxNameLength());
        assertThat(at(schemas, "TensorRef").get("maxLength")).isEqualTo(limits.maxNameLength());
        assertThat(at(schemas, "OpBatch", "properties", "ops").get("maxItems")).isEqualTo(limits.maxBatchOps());
        assertThat(at(schemas, "TensorView", "properties", "shape").get("maxItems")).isEqualTo(limits.maxRank());
        assertThat(at(schemas, "TensorInfo", "properties", "shape").get("maxItems")).isEqualTo(limits.maxRank());
        assertThat(((Map<?, ?>) ((java.util.List<?>) at(schemas, "TensorData").get("anyOf")).get(3)).get("maxItems"))
                .isEqualTo(limits.maxTensorElements());
        assertThat(at(schemas, "CreateJobRequest", "properties", "maxIterations").get("maximum")).isEqualTo(jobLimits.maxIterations());
        assertThat(at(schemas, "SyntheticSamples", "properties", "features").get("maximum")).isEqualTo(jobLimits.maxFeatures());
        assertThat(at(schemas, "SyntheticSamples", "properties", "samplesPerClass").get("maximum")).isEqualTo(jobLimits.maxSamples() / 2);
        for (String rows : new String[] {"InlineSamples", "PredictRequest"}) {
            assertThat(at(schemas, rows, "properties", "x").get("maxItems")).isEqualTo(jobLimits.maxSamples());
            assertThat(at(schemas, rows, "properties", "x", "items").get("maxItems")).isEqualTo(jobLimits.maxFeatures());
        }
        assertThat(at(schemas, "InlineSamples", "properties", "y").get("maxItems")).isEqualTo(jobLimits.maxSamples());
    }

    @Test
    void swaggerUiShowsTheCommittedSpec() throws Exception {
        HttpResponse<String> ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui", "/swagger-init.js");
        HttpResponse<String> init = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-init.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.body()).contains("url: \"/v3/api-docs.yaml\"");
        HttpResponse<String> bundle = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webjars/swagger-ui/swagger-ui-bundle.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).contains("SwaggerUIBundle");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Object node, String... keys) {
        Object n = node;
        for (String k : keys) n = ((Map<String, Object>) n).get(k);
        return (Map<String, Object>) n;
    }
}
