package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.Application;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A deployment whose authentication cannot work does not start, and says what to set. */
class AuthSettingsTest {

    @Test
    void apiKeysModeWithoutAKeyStopsTheStartNamingTheSettings() {
        assertThat(rootCause("--backprop.auth.mode=api-keys")).hasMessageStartingWith(
                "backprop.auth.mode=api-keys needs a key: set backprop.auth.api-keys[0].tenant, .role and .sha256");
    }

    @Test
    void aKeyThatIsNotAHashStopsTheStart() {
        assertThat(rootCause("--backprop.auth.mode=api-keys", "--backprop.auth.api-keys[0].tenant=acme",
                "--backprop.auth.api-keys[0].sha256=secret")).hasMessage(
                "backprop.auth.api-keys[0].sha256 must be the 64 lowercase hex digits of the key's SHA-256");
    }

    @Test
    void jwtModeWithoutTheIssuersKeysStopsTheStart() {
        assertThat(rootCause("--backprop.auth.mode=jwt")).hasMessage("backprop.auth.mode=jwt needs the issuer's keys: set "
                + "spring.security.oauth2.resourceserver.jwt.issuer-uri, .jwk-set-uri or .public-key-location");
    }

    private static Throwable rootCause(String... args) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET)
                .run(Stream.concat(Arrays.stream(args), Stream.of("--server.port=0", "--management.server.port=0")).toArray(String[]::new))
                .close())
                .satisfies(t -> thrown[0] = t);
        Throwable t = thrown[0];
        while (t.getCause() != null) t = t.getCause();
        return t;
    }
}
