package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The committed {@code openapi/openapi.yaml} is exactly what the service serves. The served document
 * is written to {@code target/openapi/openapi.yaml}; after an intended API change, copy it over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiSpecTest {
    @LocalServerPort
    int port;

    @Test
    void committedSpecEqualsTheServedOne() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        Path out = Path.of("target/openapi/openapi.yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, served.body());
        String committed = Files.readString(Path.of("openapi/openapi.yaml"));
        assertThat(served.body())
                .as("openapi/openapi.yaml differs from the served spec; if the change is intended: cp target/openapi/openapi.yaml openapi/")
                .isEqualTo(committed);
        assertThat(served.body()).startsWith("openapi: 3.1.0");
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        HttpResponse<String> ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
