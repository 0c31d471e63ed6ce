package dev.backprop.web.fuzz;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/** The operations of an OpenAPI 3.1 document, read with SnakeYAML as plain maps and lists. */
public final class OpenApi {
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** A parameter in the path, the query or a header. */
    public record Parameter(String name, String in, boolean required, Map<String, Object> schema) {}

    /**
     * One path and method: its parameters, its request body's JSON schema (null when it takes none),
     * the statuses it documents and the media types of its 200 answer.
     */
    public record Operation(String id, String method, String path, List<Parameter> parameters, Map<String, Object> body,
                            boolean bodyRequired, Set<String> statuses, List<String> answerTypes) {
        public boolean streams() {
            return answerTypes.contains("text/event-stream");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String PARAMETER_REF = "#/components/parameters/";
    private final Map<String, Object> schemas;
    private final Map<String, Object> parameters;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApi(Map<String, Object> document) {
        this.schemas = map(map(document.get("components")).get("schemas"));
        this.parameters = map(map(document.get("components")).get("parameters"));
        map(document.get("paths")).forEach((path, item) -> {
            Map<String, Object> methods = map(item);
            for (String method : METHODS) {
                if (methods.containsKey(method)) operations.add(operation(path, method, methods));
            }
        });
    }

    public static OpenApi read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new OpenApi(map(new Yaml().load(in)));
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Each operation's documented statuses, by operation id. */
    public Map<String, Set<String>> documentedStatuses() {
        Map<String, Set<String>> statuses = new java.util.HashMap<>();
        for (Operation op : operations) statuses.put(op.id(), op.statuses());
        return statuses;
    }

    /** The component schema of this name (empty when there is none). */
    public Map<String, Object> schema(String name) {
        return map(schemas.get(name));
    }

    /** The schema a {@code $ref} points to, or the schema itself. */
    public Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : map(schemas.get(refName(schema)));
    }

    /** The component name behind a {@code $ref}, or null for an inline schema. */
    public static String refName(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) return null;
        String s = ref.toString();
        if (!s.startsWith(SCHEMA_REF)) throw new IllegalArgumentException("only component references are followed: " + s);
        return s.substring(SCHEMA_REF.length());
    }

    private Operation operation(String path, String method, Map<String, Object> item) {
        Map<String, Object> op = map(item.get(method));
        List<Parameter> parameters = new ArrayList<>();
        for (Object p : list(item.get("parameters"))) parameters.add(parameter(map(p)));
        for (Object p : list(op.get("parameters"))) parameters.add(parameter(map(p)));
        Map<String, Object> body = null;
        boolean bodyRequired = false;
        if (op.get("requestBody") instanceof Map<?, ?> requestBody) {
            Map<String, Object> json = map(map(map(requestBody).get("content")).get("application/json"));
            body = map(json.get("schema"));
            bodyRequired = Boolean.TRUE.equals(requestBody.get("required"));
        }
        Map<String, Object> responses = map(op.get("responses"));
        Map<String, Object> ok = map(responses.get("200"));
        return new Operation(String.valueOf(op.get("operationId")), method.toUpperCase(), path, List.copyOf(parameters), body,
                bodyRequired, new LinkedHashSet<>(responses.keySet()), List.copyOf(map(ok.get("content")).keySet()));
    }

    private Parameter parameter(Map<String, Object> p) {
        if (p.get("$ref") instanceof String ref) {
            if (!ref.startsWith(PARAMETER_REF)) throw new IllegalArgumentException("only component references are followed: " + ref);
            p = map(parameters.get(ref.substring(PARAMETER_REF.length())));
        }
        return new Parameter(String.valueOf(p.get("name")), String.valueOf(p.get("in")), Boolean.TRUE.equals(p.get("required")),
                resolve(map(p.get("schema"))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }
}
