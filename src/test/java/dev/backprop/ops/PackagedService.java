package dev.backprop.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The service as `./mvnw package` leaves it, for tests that start it as a user would. */
final class PackagedService {
    private PackagedService() {}

    static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("backprop-.*\\.jar")).findFirst().orElseThrow();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
