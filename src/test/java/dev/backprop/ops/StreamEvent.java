package dev.backprop.ops;

import java.io.BufferedReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One event of a {@code text/event-stream}, as a client reads it. */
record StreamEvent(long id, String name, JsonNode data) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The next event of a {@code text/event-stream}, or null at its end (the server closed it or died). */
    static StreamEvent next(BufferedReader lines) {
        long id = -1;
        String name = null, data = null;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id: ")) id = Long.parseLong(line.substring(4));
                else if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data = line.substring(6);
                else if (line.isEmpty() && data != null) return new StreamEvent(id, name, JSON.readTree(data));
            }
        } catch (java.io.IOException ended) {
            return null;
        }
        return null;
    }
}

