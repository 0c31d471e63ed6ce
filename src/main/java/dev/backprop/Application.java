package dev.backprop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    public static void main(String[] args) {
        // The engine's kernels use the JDK's Vector API, an incubator module the JVM loads only when asked.
        // Without it the service would start and then fail its first large op; say so at once instead.
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            System.err.println("Backprop needs the JDK's Vector API: start it with "
                    + "java --add-modules=" + VECTOR_MODULE + " -jar backprop.jar (or set JDK_JAVA_OPTIONS=--add-modules=" + VECTOR_MODULE + ")");
            System.exit(2);
        }
        SpringApplication.run(Application.class, args);
    }
}
