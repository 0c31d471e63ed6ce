package dev.backprop.engine.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PyTorch's recorded answers: {@code src/test/acceptance/*.json}, the files {@code run_acceptance.py} holds a
 * running service against, on the test classpath under {@code dev/backprop/acceptance}.
 */
final class AcceptanceCases {
    private AcceptanceCases() {}

    static JsonNode read(String file) {
        String resource = "/dev/backprop/acceptance/" + file;
        try (InputStream in = AcceptanceCases.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the test classpath (src/test/acceptance/" + file + ")");
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
