package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Bodies the API cannot read are refused with 415 before anything reads them; JSON with parameters is read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class MediaTypeTest extends ApiTest {

    private Api.Response post(String path, String contentType, byte[] body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    @Test
    void aWildcardContentTypeIs415() {
        assertThat(post("/sessions", "*/*", "{}".getBytes()).problem(415, "unsupported-media-type").get("detail").stringValue())
                .isEqualTo("the Content-Type '*/*' names no media type: send application/json");
        post("/sessions", "application/*", "{}".getBytes()).problem(415, "unsupported-media-type");
    }

    @Test
    void aContentTypeThatDoesNotParseIs415() {
        assertThat(post("/sessions", "json", "{}".getBytes()).problem(415, "unsupported-media-type").get("detail").stringValue())
                .isEqualTo("the Content-Type 'json' is not a media type: send application/json");
    }

    @Test
    void aFormIsNeverDecoded() {
        byte[] notUtf8 = {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
        try (var s = api.session()) {
            assertThat(post(s.path() + "/ops", "application/x-www-form-urlencoded", notUtf8).problem(415, "unsupported-media-type")
                    .get("detail").stringValue()).isEqualTo("forms are not read here: send application/json");
        }
    }

    @Test
    void jsonWithACharsetIsRead() {
        post("/sessions", "application/json; charset=utf-8", "{\"seed\": 3}".getBytes()).expect(201);
    }
}
