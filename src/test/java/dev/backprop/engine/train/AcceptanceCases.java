package dev.backprop.engine.train;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PyTorch's recorded answers in the shared acceptance folder: {@code ../shared/acceptance} from the
 * project root, or the folder named by the system property {@code backprop.shared} or the environment
 * variable {@code BACKPROP_SHARED}.
 */
final class SharedAcceptance {
    private SharedAcceptance() {}

    static JsonNode read(String file) {
        String root = System.getProperty("backprop.shared", System.getenv().getOrDefault("BACKPROP_SHARED", "../shared"));
        Path path = Path.of(root, "acceptance", file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path.toAbsolutePath() + " not found: run from the project root beside shared/, "
                    + "or set -Dbackprop.shared=/path/to/shared");
        }
        return JsonMapper.builder().build().readTree(path.toFile());
    }

    /** The {@code expect} entry named {@code name} in the checks of case {@code caseName} of seed_cases.json. */
    static JsonNode expected(JsonNode cases, String caseName, String name) {
        for (JsonNode c : cases.get("cases")) {
            if (!c.get("name").asString().equals(caseName)) {
                continue;
            }
            for (JsonNode action : c.get("actions")) {
                if (action.has("expect")) {
                    for (JsonNode e : action.get("expect")) {
                        if (e.get("name").asString().equals(name)) {
                            return e;
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException(caseName + " has no expectation for " + name);
    }
}
