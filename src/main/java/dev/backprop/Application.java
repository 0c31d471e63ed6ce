package dev.backprop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * An OutOfMemoryError that reaches the top of a thread leaves a heap and threads in no state to serve
     * from: the process stops so that its supervisor (the container runtime, Kubernetes) starts a fresh one.
     * {@code -XX:+ExitOnOutOfMemoryError}, which the image and the documented commands pass, does the same
     * for errors that code on the way catches.
     */
    static void stopOnOutOfMemory() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError) {
                System.err.println("Backprop ran out of memory in thread " + thread.getName() + " and stops: " + error.getMessage());
                Runtime.getRuntime().halt(3);
            }
            if (previous != null) previous.uncaughtException(thread, error);
            else error.printStackTrace();
        });
    }

    /**
     * Requests run on virtual threads, which the JVM schedules on one carrier thread per core by default: a
     * few long CPU-bound ops would then hold every carrier and light requests would wait seconds behind them.
     * With more carriers than cores the operating system shares the cores among them instead.
     */
    static void shareCoresFairly() {
        String parallelism = "jdk.virtualThreadScheduler.parallelism";
        if (System.getProperty(parallelism) == null) {
            System.setProperty(parallelism, Integer.toString(Math.max(16, 4 * Runtime.getRuntime().availableProcessors())));
        }
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--mint-api-key")) {
            System.out.print(dev.backprop.web.KeyMint.instructions());
            return;
        }
        // The engine's kernels use the JDK's Vector API, an incubator module the JVM loads only when asked.
        // Without it the service would start and then fail its first large op; say so at once instead.
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            System.err.println("Backprop needs the JDK's Vector API: start it with "
                    + "java --add-modules=" + VECTOR_MODULE + " -jar backprop.jar (or set JDK_JAVA_OPTIONS=--add-modules=" + VECTOR_MODULE + ")");
            System.exit(2);
        }
        stopOnOutOfMemory();
        shareCoresFairly();
        SpringApplication.run(Application.class, args);
    }
}
