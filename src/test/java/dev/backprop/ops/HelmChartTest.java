package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart lints strictly and renders the probes, security defaults, resources, authentication and job store; it
 * refuses to render a service that nobody could call or replicas that would not share their jobs, and its schema
 * refuses bad values.
 */
class HelmChartTest {
    private static final Path CHART = Path.of("helm/backprop");
    private static final String HASH = sha256("a-key");
    private static final Pattern KEYS_CHECKSUM = Pattern.compile("checksum/api-keys: (\\w+)");
    private static final String SHARED_STORE = "so other pods would not see them; set store.type=external with a PostgreSQL"
            + " that every pod shares (store.external.url, store.external.existingSecret)";

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersProbesSecurityAndResources() {
        String manifests = withKey().call();
        assertThat(manifests).contains("kind: Deployment", "kind: Service", "kind: ServiceAccount", "kind: ConfigMap",
                "kind: PersistentVolumeClaim");
        assertThat(manifests).doesNotContain("kind: HorizontalPodAutoscaler", "kind: Ingress", "kind: PodDisruptionBudget");
        assertThat(manifests).contains("path: /actuator/health/liveness", "path: /actuator/health/readiness", "port: management");
        assertThat(container(manifests)).containsEntry("startupProbe", Map.of(
                "httpGet", Map.of("path", "/actuator/health/liveness", "port", "management"), "periodSeconds", 5,
                "failureThreshold", 24));
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

    @Test
    void jobsAreKeptByAnEmbeddedPostgresOnAClaimByDefault() {
        String manifests = withKey().call();
        assertThat(resource(manifests, "PersistentVolumeClaim")).isEqualTo(Map.of("apiVersion", "v1",
                "kind", "PersistentVolumeClaim", "metadata", Map.of("name", "bp-backprop-data", "labels", labels()),
                "spec", Map.of("accessModes", List.of("ReadWriteOnce"), "resources", storage("1Gi"))));
        assertThat(envOf(manifests)).containsEntry("BACKPROP_STORE_TYPE", "embedded").containsEntry("BACKPROP_STORE_PATH", "/data")
                .doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                        "BACKPROP_CLUSTER_ADVERTISEDURL");
        assertThat(mounts(manifests)).contains(mount("data", "/data"), mount("tmp", "/tmp"));
        assertThat(volumes(manifests)).contains(claimVolume("bp-backprop-data"), Map.of("name", "tmp", "emptyDir", Map.of()));
        assertThat(deploymentSpec(manifests)).containsEntry("replicas", 1).containsEntry("strategy", Map.of("type", "Recreate"));
        assertThat(notes("auth.apiKeys.existingSecret", "backprop-keys"))
                .contains("Jobs are kept by the pod's own PostgreSQL in /data, on the claim bp-backprop-data.");
    }

    @Test
    void aClaimOfOneselfOrAStorageClassIsUsed() {
        String existing = withKey().set("store.embedded.persistence.existingClaim", "backprop-jobs")
                .set("store.embedded.path", "/var/lib/backprop").call();
        assertThat(existing).doesNotContain("kind: PersistentVolumeClaim");
        assertThat(volumes(existing)).contains(claimVolume("backprop-jobs"));
        assertThat(mounts(existing)).contains(mount("data", "/var/lib/backprop"));
        assertThat(envOf(existing)).containsEntry("BACKPROP_STORE_PATH", "/var/lib/backprop");
        assertThat(deploymentSpec(existing)).containsEntry("strategy", Map.of("type", "Recreate"));
        String classed = withKey().set("store.embedded.persistence.storageClass", "fast-ssd")
                .set("store.embedded.persistence.size", "20Gi").call();
        assertThat(resource(classed, "PersistentVolumeClaim")).containsEntry("spec", Map.of("accessModes", List.of("ReadWriteOnce"),
                "storageClassName", "fast-ssd", "resources", storage("20Gi")));
    }

    @Test
    void withoutPersistenceTheEmbeddedStoreIsAnEmptyDir() {
        String manifests = withKey().set("store.embedded.persistence.enabled", false).call();
        assertThat(manifests).doesNotContain("kind: PersistentVolumeClaim", "persistentVolumeClaim");
        assertThat(volumes(manifests)).contains(Map.of("name", "data", "emptyDir", Map.of()));
        assertThat(mounts(manifests)).contains(mount("data", "/data"));
        assertThat(deploymentSpec(manifests)).containsEntry("strategy", Map.of("type", "RollingUpdate"));
        assertThat(notes("auth.apiKeys.existingSecret", "backprop-keys", "store.embedded.persistence.enabled", "false"))
                .contains("Jobs are kept by the pod's own PostgreSQL in /data, an emptyDir: they do not outlive the pod.");
    }

    @Test
    void replicasShareAnExternalPostgres() {
        String manifests = external().set("replicaCount", 3).call();
        assertThat(deploymentSpec(manifests)).containsEntry("replicas", 3).containsEntry("strategy", Map.of("type", "RollingUpdate"));
        assertThat(envOf(manifests)).containsEntry("BACKPROP_STORE_TYPE", "external")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example:5432/backprop")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "backprop")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", secretKey("backprop-db", "password"))
                .containsEntry("POD_IP", Map.of("fieldRef", Map.of("fieldPath", "status.podIP")))
                .containsEntry("BACKPROP_CLUSTER_ADVERTISEDURL", "http://$(POD_IP):8080")
                .doesNotContainKey("BACKPROP_STORE_PATH");
        assertThat(manifests).doesNotContain("kind: PersistentVolumeClaim", "persistentVolumeClaim", "name: data");
        assertThat(resource(manifests, "PodDisruptionBudget")).containsEntry("spec", Map.of("minAvailable", 1,
                "selector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "backprop", "app.kubernetes.io/instance", "bp"))));
        assertThat(envOf(external().set("store.external.passwordKey", "pg-password").call()))
                .containsEntry("SPRING_DATASOURCE_PASSWORD", secretKey("backprop-db", "pg-password"));
    }

    @Test
    void theAutoscalerScalesAnExternalStoreAndTheBudgetNeedsTwoPods() {
        String manifests = external().set("autoscaling.enabled", true).call();
        assertThat(deploymentSpec(manifests)).doesNotContainKey("replicas");
        Map<String, Object> autoscaler = at(resource(manifests, "HorizontalPodAutoscaler"), "spec");
        assertThat(autoscaler).containsEntry("minReplicas", 1).containsEntry("maxReplicas", 3);
        assertThat(manifests).doesNotContain("kind: PodDisruptionBudget");
        String twoAtLeast = external().set("autoscaling.enabled", true).set("autoscaling.minReplicas", 2).call();
        Map<String, Object> budget = at(resource(twoAtLeast, "PodDisruptionBudget"), "spec");
        assertThat(budget).containsEntry("minAvailable", 1);
        assertThat(external().set("replicaCount", 3).set("podDisruptionBudget.enabled", false).call())
                .doesNotContain("kind: PodDisruptionBudget");
    }

    @Test
    void refusesReplicasThatWouldNotShareTheirJobs() {
        assertThatThrownBy(() -> withKey().set("replicaCount", 3).call()).hasMessageContaining("replicaCount=3 needs"
                + " store.type=external: with store.type=embedded jobs live in one pod's PostgreSQL, on that pod's volume, "
                + SHARED_STORE + ", or keep replicaCount=1");
        assertThatThrownBy(() -> withKey().set("store.type", "memory").set("replicaCount", 2).call()).hasMessageContaining(
                "replicaCount=2 needs store.type=external: with store.type=memory jobs live in one pod's memory, " + SHARED_STORE
                        + ", or keep replicaCount=1");
        assertThatThrownBy(() -> withKey().set("autoscaling.enabled", true).call()).hasMessageContaining(
                "autoscaling.enabled needs store.type=external: with store.type=embedded jobs live in one pod's PostgreSQL, on that"
                        + " pod's volume, " + SHARED_STORE + ", or turn autoscaling off");
        assertThat(withKey().set("store.type", "memory").call()).doesNotContain("BACKPROP_STORE_PATH", "name: data",
                "kind: PersistentVolumeClaim").contains(env("BACKPROP_STORE_TYPE", "memory"));
        assertThat(deploymentSpec(withKey().set("replicaCount", 0).call())).containsEntry("replicas", 0);
    }

    @Test
    void refusesAnExternalStoreWithoutAUrlOrASecret() {
        assertThatThrownBy(() -> external().set("store.external.url", "").call())
                .hasMessageContaining("store.type=external needs store.external.url (jdbc:postgresql://host:5432/database)");
        assertThatThrownBy(() -> external().set("store.external.existingSecret", "").call()).hasMessageContaining(
                "store.type=external needs store.external.existingSecret: a Secret holding the database password under"
                        + " store.external.passwordKey");
    }

    @Test
    void theSchemaRefusesABadStore() {
        assertThatThrownBy(() -> withKey().set("store.type", "sqlite").call())
                .hasMessageContaining("store.type must be one of the following: \"embedded\", \"external\", \"memory\"");
        assertThatThrownBy(() -> external().set("store.external.password", "hunter2").call())
                .hasMessageContaining("store.external: Additional property password is not allowed");
        assertThatThrownBy(() -> external().set("store.external.url", "postgres://db.example/backprop").call())
                .hasMessageContaining("store.external.url: Does not match pattern '^(jdbc:postgresql://.+)?$'");
        assertThatThrownBy(() -> withKey().set("store.embedded.path", "data").call())
                .hasMessageContaining("store.embedded.path: Does not match pattern '^/.+'");
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("bp");
    }

    /** The chart with the least it needs under its default auth.mode, api-keys: one key. */
    private static TemplateCommand withKey() {
        return template().set("auth.apiKeys.keys[0].tenant", "acme").set("auth.apiKeys.keys[0].role", "admin")
                .set("auth.apiKeys.keys[0].sha256", HASH);
    }

    /** A store of one's own: a PostgreSQL that the pods share, with the password in a Secret. */
    private static TemplateCommand external() {
        return withKey().set("store.type", "external").set("store.external.url", "jdbc:postgresql://db.example:5432/backprop")
                .set("store.external.username", "backprop").set("store.external.existingSecret", "backprop-db");
    }

    /** The one rendered resource of this kind, as YAML maps and lists. */
    private static Map<String, Object> resource(String manifests, String kind) {
        List<Map<String, Object>> found = StreamSupport.stream(new Yaml().loadAll(manifests).spliterator(), false)
                .<Map<String, Object>>map(HelmChartTest::at).filter(document -> document != null && kind.equals(document.get("kind")))
                .toList();
        assertThat(found).as("the %s resources", kind).hasSize(1);
        return found.getFirst();
    }

    private static Map<String, Object> deploymentSpec(String manifests) {
        return at(resource(manifests, "Deployment"), "spec");
    }

    private static Map<String, Object> podSpec(String manifests) {
        return at(deploymentSpec(manifests), "template", "spec");
    }

    private static List<Object> volumes(String manifests) {
        return at(podSpec(manifests), "volumes");
    }

    private static List<Object> mounts(String manifests) {
        return at(container(manifests), "volumeMounts");
    }

    private static Map<String, Object> mount(String name, String path) {
        return Map.of("name", name, "mountPath", path);
    }

    private static Map<String, Object> claimVolume(String claim) {
        return Map.of("name", "data", "persistentVolumeClaim", Map.of("claimName", claim));
    }

    private static Map<String, Object> storage(String size) {
        return Map.of("requests", Map.of("storage", size));
    }

    private static Map<String, Object> secretKey(String secret, String key) {
        return Map.of("secretKeyRef", Map.of("name", secret, "key", key));
    }

    private static Map<String, Object> container(String manifests) {
        return at(podSpec(manifests), "containers", 0);
    }

    /** The container's env by name: each a value, or a valueFrom's map. */
    private static Map<String, Object> envOf(String manifests) {
        List<Map<String, Object>> env = at(container(manifests), "env");
        return env.stream().collect(Collectors.toMap(variable -> (String) variable.get("name"),
                variable -> variable.containsKey("value") ? variable.get("value") : variable.get("valueFrom")));
    }

    private static Map<String, Object> labels() {
        return Map.of("helm.sh/chart", "backprop-0.1.0", "app.kubernetes.io/name", "backprop", "app.kubernetes.io/instance", "bp",
                "app.kubernetes.io/version", "0.1.0", "app.kubernetes.io/managed-by", "Helm");
    }

    /** The node at a path of map keys and list indexes. */
    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        for (Object step : path) {
            node = step instanceof Integer index ? ((List<Object>) node).get(index) : ((Map<String, Object>) node).get(step);
        }
        return (T) node;
    }

    /** The release notes with these values, given as key, value, key, value... */
    private static String notes(String... keysAndValues) {
        InstallCommand install = new Helm(CHART).install().withName("bp").clientOnly().dryRun();
        for (int i = 0; i < keysAndValues.length; i += 2) install.set(keysAndValues[i], keysAndValues[i + 1]);
        return install.call().getOutput();
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
