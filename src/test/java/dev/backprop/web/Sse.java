package dev.backprop.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a server-sent event stream to its end, as an SSE client would. */
final class Sse {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Event(long id, String name, JsonNode data) {}

    private Sse() {}

    /** Every event of the stream at {@code url}, until the server closes it. */
    static List<Event> read(String url, String lastEventId) throws Exception {
        List<Event> events = new ArrayList<>();
        try (Subscription s = subscribe(url, lastEventId)) {
            for (Event e = s.next(); e != null; e = s.next()) events.add(e);
        }
        return events;
    }

    /** Opens the stream at {@code url}; its events are read one by one as they arrive. */
    static Subscription subscribe(String url, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        HttpResponse<Stream<String>> response = CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) throw new IllegalStateException("stream answered " + response.statusCode());
        return new Subscription(response.body());
    }

    /** An open stream. */
    static final class Subscription implements AutoCloseable {
        private final Stream<String> lines;
        private final Iterator<String> iterator;

        private Subscription(Stream<String> lines) {
            this.lines = lines;
            this.iterator = lines.iterator();
        }

        /** The next event, waiting for it if need be; null once the server has closed the stream. */
        Event next() {
            long id = -1;
            String name = "message";
            StringBuilder data = new StringBuilder();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) return new Event(id, name, JSON.readTree(data.toString()));
                    id = -1;
                    name = "message";
                } else if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            return null;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
