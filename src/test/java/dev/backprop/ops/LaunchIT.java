package dev.backprop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged service started without the Vector API module stops at once and says how to start it. */
class LaunchIT {
    @Test
    void withoutTheVectorModuleTheServiceSaysHowToStartIt() throws Exception {
        Path jar = PackagedService.jar();
        ProcessBuilder launch = new ProcessBuilder(PackagedService.java(), "-jar", jar.toString(),
                "--server.port=0", "--management.server.port=0").redirectErrorStream(true);
        launch.environment().remove("JDK_JAVA_OPTIONS");
        Process service = launch.start();
        try {
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(service.exitValue()).isEqualTo(2);
            assertThat(new String(service.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Backprop needs the JDK's Vector API: start it with java --add-modules=jdk.incubator.vector -jar backprop.jar");
        } finally {
            service.destroyForcibly();
        }
    }
}
