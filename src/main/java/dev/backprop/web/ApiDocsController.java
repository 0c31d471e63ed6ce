package dev.backprop.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the contract, {@code openapi/openapi.yaml}, byte for byte as it is committed. */
@RestController
class ApiDocsController {
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private final byte[] document;

    ApiDocsController() throws IOException {
        try (InputStream in = ApiDocsController.class.getResourceAsStream("/openapi/openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi/openapi.yaml is not on the classpath");
            document = in.readAllBytes();
        }
    }

    @GetMapping(value = "/v3/api-docs.yaml", produces = "application/yaml")
    ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CacheControl.noCache()).body(document);
    }
}
