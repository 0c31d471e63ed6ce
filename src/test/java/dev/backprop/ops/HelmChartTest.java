package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart lints strictly and renders the probes, security defaults, resources and authentication; it refuses to
 * render a service that nobody could call, and its schema refuses bad values.
 */
class HelmChartTest {
    private static final Path CHART = Path.of("helm/backprop");
    private static final String HASH = sha256("a-key");
    private static final Pattern KEYS_CHECKSUM = Pattern.compile("checksum/api-keys: (\\w+)");

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersProbesSecurityAndResources() {
        String manifests = withKey().call();
        assertThat(manifests).contains("kind: Deployment", "kind: Service", "kind: ServiceAccount", "kind: ConfigMap",
                "kind: PodDisruptionBudget");
        assertThat(manifests).doesNotContain("kind: HorizontalPodAutoscaler", "kind: Ingress");
        assertThat(manifests).contains("path: /actuator/health/liveness", "path: /actuator/health/readiness", "port: management");
        assertThat(manifests).contains("runAsNonRoot: true", "runAsUser: 10001", "readOnlyRootFilesystem: true",
                "allowPrivilegeEscalation: false", "- ALL", "type: RuntimeDefault", "mountPath: /tmp", "emptyDir: {}");
        assertThat(manifests).contains("cpu: 500m", "memory: 2Gi", "terminationGracePeriodSeconds: 40");
        assertThat(manifests).doesNotContain("memory: 1Gi");
        assertThat(manifests).contains("backprop.shutdown.job-grace=5s");
    }

    @Test
    void theHeapIsTheDocumentedShareOfTheMemoryLimit() {
        assertThat(withKey().call()).contains("name: JDK_JAVA_OPTIONS", "value: \"-XX:MaxRAMPercentage=75\"");
        assertThat(withKey().set("jvm.maxRamPercentage", 60).call()).contains("value: \"-XX:MaxRAMPercentage=60\"");
        assertThatThrownBy(() -> withKey().set("jvm.maxRamPercentage", 95).call()).hasMessageContaining("maxRamPercentage");
    }

    @Test
    void theIngressKeepsEventStreamsFlowing() {
        String manifests = withKey().set("ingress.enabled", true).call();
        assertThat(manifests).contains("kind: Ingress", "nginx.ingress.kubernetes.io/proxy-buffering: \"off\"",
                "nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\"");
    }

    @Test
    void theSchemaRefusesABadValue() {
        assertThatThrownBy(() -> withKey().set("service.port", "eighty").call()).hasMessageContaining("service.port");
        assertThatThrownBy(() -> withKey().set("terminationGracePeriodSeconds", 5).call())
                .hasMessageContaining("terminationGracePeriodSeconds");
        assertThatThrownBy(() -> withKey().set("auth.mode", "open").call())
                .hasMessageContaining("auth.mode must be one of the following: \"api-keys\", \"jwt\", \"none\"");
        assertThatThrownBy(() -> withKey().set("rateLimit.user.window", "a minute").call())
                .hasMessageContaining("rateLimit.user.window");
    }

    @Test
    void keysBecomeASecretOfHashesThatThePodReads() {
        String manifests = withKey().set("auth.apiKeys.keys[1].tenant", "globex").set("auth.apiKeys.keys[1].role", "user")
                .set("auth.apiKeys.keys[1].sha256", sha256("another-key")).call();
        assertThat(manifests).contains("kind: Secret", "name: bp-backprop-api-keys",
                "BACKPROP_AUTH_APIKEYS_0_TENANT: \"acme\"", "BACKPROP_AUTH_APIKEYS_0_ROLE: \"admin\"",
                "BACKPROP_AUTH_APIKEYS_0_SHA256: \"" + HASH + "\"",
                "BACKPROP_AUTH_APIKEYS_1_TENANT: \"globex\"", "BACKPROP_AUTH_APIKEYS_1_ROLE: \"user\"",
                "BACKPROP_AUTH_APIKEYS_1_SHA256: \"" + sha256("another-key") + "\"");
        assertThat(manifests).contains(env("BACKPROP_AUTH_MODE", "api-keys"), secretRef("bp-backprop-api-keys"));
    }

    @Test
    void aNewKeyRollsThePods() {
        String before = keysChecksum(withKey().call());
        String after = keysChecksum(withKey().set("auth.apiKeys.keys[0].sha256", sha256("a-new-key")).call());
        assertThat(after).hasSize(64).isNotEqualTo(before);
        assertThat(keysChecksum(withKey().call())).isEqualTo(before);
    }

    @Test
    void anExistingSecretIsReadAsItIs() {
        String manifests = template().set("auth.apiKeys.existingSecret", "backprop-keys").call();
        assertThat(manifests).contains(env("BACKPROP_AUTH_MODE", "api-keys"), secretRef("backprop-keys"));
        assertThat(manifests).doesNotContain("kind: Secret", "checksum/api-keys");
    }

    @Test
    void refusesToRenderApiKeysWithoutAKey() {
        assertThatThrownBy(() -> template().call()).hasMessageContaining(
                "auth.mode=api-keys needs keys: set auth.apiKeys.existingSecret (a Secret of BACKPROP_AUTH_APIKEYS_<N>_TENANT,"
                        + " _ROLE, _SHA256) or auth.apiKeys.keys (a list of {tenant, role, sha256}); or set auth.mode=jwt,"
                        + " or auth.mode=none to run without authentication");
        assertThatThrownBy(() -> withKey().set("auth.apiKeys.existingSecret", "backprop-keys").call())
                .hasMessageContaining("auth.apiKeys: set existingSecret or keys, not both");
    }

    @Test
    void withoutAuthenticationThePodListensOnItsAddressAndTheNotesWarn() {
        String manifests = template().set("auth.mode", "none").call();
        assertThat(manifests).contains(env("BACKPROP_AUTH_MODE", "none"), env("SERVER_ADDRESS", "0.0.0.0"),
                env("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0"));
        assertThat(manifests).doesNotContain("kind: Secret", "envFrom:", "secretRef:");
        assertThat(notes("auth.mode", "none")).contains("WARNING: auth.mode=none. There is no authentication: every caller"
                + " is one tenant and sees every\nsession and job");
        assertThat(notes("auth.apiKeys.existingSecret", "backprop-keys")).doesNotContain("WARNING")
                .contains("-H \"Authorization: Bearer $TOKEN\"", "an API key whose SHA-256 is in the Secret backprop-keys");
    }

    @Test
    void jwtSettingsBecomeTheResourceServersEnv() {
        String issuer = template().set("auth.mode", "jwt").set("auth.jwt.issuerUri", "https://login.example/realms/ml").call();
        assertThat(issuer).contains(env("BACKPROP_AUTH_MODE", "jwt"),
                env("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", "https://login.example/realms/ml"),
                env("BACKPROP_AUTH_JWT_TENANTCLAIM", "tenant"), env("BACKPROP_AUTH_JWT_ROLECLAIM", "role"));
        assertThat(issuer).doesNotContain("JWKSETURI", "kind: Secret", "envFrom:");
        String jwkSet = template().set("auth.mode", "jwt").set("auth.jwt.jwkSetUri", "https://login.example/jwks")
                .set("auth.jwt.tenantClaim", "org").set("auth.jwt.roleClaim", "groups").call();
        assertThat(jwkSet).contains(env("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", "https://login.example/jwks"),
                env("BACKPROP_AUTH_JWT_TENANTCLAIM", "org"), env("BACKPROP_AUTH_JWT_ROLECLAIM", "groups"));
        assertThat(jwkSet).doesNotContain("ISSUERURI");
        assertThatThrownBy(() -> template().set("auth.mode", "jwt").call())
                .hasMessageContaining("auth.mode=jwt needs auth.jwt.issuerUri or auth.jwt.jwkSetUri");
    }

    @Test
    void corsOriginsAndRateLimitsBecomeEnv() {
        String defaults = withKey().call();
        assertThat(defaults).contains(env("BACKPROP_RATELIMIT_USER_LIMIT", "6000"), env("BACKPROP_RATELIMIT_USER_WINDOW", "1m"),
                env("BACKPROP_RATELIMIT_ADMIN_LIMIT", "12000"), env("BACKPROP_RATELIMIT_ADMIN_WINDOW", "1m"));
        assertThat(defaults).doesNotContain("BACKPROP_CORS_ALLOWEDORIGINS");
        String set = withKey().set("cors.allowedOrigins[0]", "https://a.example").set("cors.allowedOrigins[1]", "https://b.example")
                .set("rateLimit.user.limit", 60).set("rateLimit.admin.window", "10s").call();
        assertThat(set).contains(env("BACKPROP_CORS_ALLOWEDORIGINS", "https://a.example,https://b.example"),
                env("BACKPROP_RATELIMIT_USER_LIMIT", "60"), env("BACKPROP_RATELIMIT_ADMIN_WINDOW", "10s"));
    }

    @Test
    void logsAreJsonByDefaultAndPlainTextOnRequest() {
        assertThat(withKey().call()).contains(env("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));
        assertThat(withKey().set("logging.format", "").call()).contains(env("LOGGING_STRUCTURED_FORMAT_CONSOLE", ""));
    }

    @Test
    void theSchemaRefusesABadKey() {
        assertThatThrownBy(() -> withKey().set("auth.apiKeys.keys[0].sha256", HASH.toUpperCase()).call())
                .hasMessageContaining("auth.apiKeys.keys.0.sha256: Does not match pattern '^[0-9a-f]{64}$'");
        assertThatThrownBy(() -> withKey().set("auth.apiKeys.keys[0].sha256", HASH.substring(1)).call())
                .hasMessageContaining("auth.apiKeys.keys.0.sha256: Does not match pattern");
        assertThatThrownBy(() -> withKey().set("auth.apiKeys.keys[0].role", "root").call())
                .hasMessageContaining("auth.apiKeys.keys.0.role must be one of the following: \"user\", \"admin\"");
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("bp");
    }

    /** The chart with the least it needs under its default auth.mode, api-keys: one key. */
    private static TemplateCommand withKey() {
        return template().set("auth.apiKeys.keys[0].tenant", "acme").set("auth.apiKeys.keys[0].role", "admin")
                .set("auth.apiKeys.keys[0].sha256", HASH);
    }

    private static String notes(String key, String value) {
        return new Helm(CHART).install().withName("bp").clientOnly().dryRun().set(key, value).call().getOutput();
    }

    private static String env(String name, String value) {
        return "- name: " + name + "\n              value: \"" + value + "\"";
    }

    private static String secretRef(String name) {
        return "envFrom:\n            - secretRef:\n                name: " + name + "\n";
    }

    private static String keysChecksum(String manifests) {
        Matcher checksum = KEYS_CHECKSUM.matcher(manifests);
        assertThat(checksum.find()).as("checksum/api-keys on the pod template").isTrue();
        return checksum.group(1);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
