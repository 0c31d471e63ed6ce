package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Helm chart lints strictly and renders the probes, security defaults and resources; its schema refuses bad values. */
class HelmChartTest {
    private static final Path CHART = Path.of("helm/backprop");

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersProbesSecurityAndResources() {
        String manifests = new Helm(CHART).template().withName("bp").call();
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
        String manifests = new Helm(CHART).template().withName("bp").call();
        assertThat(manifests).contains("name: JDK_JAVA_OPTIONS", "value: \"-XX:MaxRAMPercentage=75\"");
        String smaller = new Helm(CHART).template().withName("bp").set("jvm.maxRamPercentage", 60).call();
        assertThat(smaller).contains("value: \"-XX:MaxRAMPercentage=60\"");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("bp").set("jvm.maxRamPercentage", 95).call())
                .hasMessageContaining("maxRamPercentage");
    }

    @Test
    void theIngressKeepsEventStreamsFlowing() {
        String manifests = new Helm(CHART).template().withName("bp").set("ingress.enabled", true).call();
        assertThat(manifests).contains("kind: Ingress", "nginx.ingress.kubernetes.io/proxy-buffering: \"off\"",
                "nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\"");
    }

    @Test
    void theSchemaRefusesABadValue() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("bp").set("service.port", "eighty").call())
                .hasMessageContaining("service.port");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("bp").set("terminationGracePeriodSeconds", 5).call())
                .hasMessageContaining("terminationGracePeriodSeconds");
    }
}
