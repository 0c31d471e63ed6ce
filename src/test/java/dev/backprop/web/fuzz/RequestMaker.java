package dev.backprop.web.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A request for one operation: its path filled with real ids or odd strings, its query, headers and body. */
public final class RequestMaker {
    private static final List<String> NOT_JSON = List.of("", " ", "{", "}", "[", "nul", "{\"a\": }", "<op>add</op>", "op=add&inputs=w",
            "{'op': 'add'}", "{\"seed\": 1} trailing", "// comment\n{}", "\uFEFF{}", "{\"seed\": NaN}", "\u0000", "{\"op\": \"\\q\"}",
            "[1, 2, 3]", "\"text\"", "123", "true", "null", "{\"a\": 1,}", "{\"a\" 1}", "{\"name\": \"w\", \"data\": [1.0]");
    private static final byte[] NOT_UTF8 = {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "garbage", "application/json-patch+json", "*/*");
    private static final List<String> ODD_ACCEPTS = List.of("text/html", "application/xml", "image/gif", "garbage", "text/event-stream",
            "application/problem+json", "image/png", "text/vnd.graphviz");

    private final OddValues odd;
    private final Fixture fixture;
    private final Vocabulary words;
    private final BodyGenerator bodies;

    public RequestMaker(OpenApi spec, Fixture fixture, java.util.Random random) {
        this.odd = new OddValues(random);
        this.fixture = fixture;
        this.words = new Vocabulary(odd, fixture);
        this.bodies = new BodyGenerator(spec, words, odd);
    }

    public Flavour flavour() {
        int r = odd.random().nextInt(10);
        return r < 4 ? Flavour.VALID : r < 7 ? Flavour.BOUNDARY : Flavour.INVALID;
    }

    public FuzzRequest make(OpenApi.Operation op, Flavour flavour) {
        String path = op.path();
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (OpenApi.Parameter p : op.parameters()) {
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", segment(pathValue(op, p.name(), flavour)));
                case "query" -> {
                    if (include(p, flavour)) query.add(URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(parameterValue(p, flavour), StandardCharsets.UTF_8));
                    if (flavour == Flavour.BOUNDARY && odd.chance(5)) query.add(p.name() + "=" + URLEncoder.encode(
                            parameterValue(p, Flavour.VALID), StandardCharsets.UTF_8));
                }
                case "header" -> {
                    if (include(p, flavour)) headers.put(p.name(), headerSafe(parameterValue(p, flavour)));
                }
                default -> throw new IllegalArgumentException("parameters in " + p.in() + " are not generated");
            }
        }
        String accept = accept(op, flavour);
        if (accept != null) headers.put("Accept", accept);
        byte[] body = null;
        if (op.body() != null && (op.bodyRequired() || flavour != Flavour.VALID || odd.chance(70))) {
            body = flavour == Flavour.INVALID && odd.chance(25) ? notJson() : bytes(bodies.body(op.body(), flavour));
        } else if (op.body() == null && flavour == Flavour.INVALID && odd.chance(15)) {
            body = odd.chance(50) ? notJson() : bytes("{\"seed\": 1}");
        }
        if (body != null) {
            String type = contentType(flavour);
            if (type != null) headers.put("Content-Type", type);
        }
        String target = query.isEmpty() ? path : path + "?" + String.join("&", query);
        return new FuzzRequest(op.id(), flavour, op.method(), target, headers, body, op.streams());
    }

    private String pathValue(OpenApi.Operation op, String name, Flavour flavour) {
        int real = switch (flavour) {
            case VALID -> 95;
            case BOUNDARY -> 70;
            case INVALID -> 60;
        };
        if (!odd.chance(real)) {
            if (flavour == Flavour.VALID) return UUID.randomUUID().toString();
            return switch (odd.random().nextInt(4)) {
                case 0 -> UUID.randomUUID().toString();
                case 1 -> odd.pick(OddValues.ODD_PATH_SEGMENTS);
                case 2 -> odd.pick(fixture.jobIds());
                default -> odd.oddText();
            };
        }
        boolean drops = op.method().equals("DELETE");
        return switch (name) {
            case "sid" -> drops && op.path().endsWith("{sid}") && odd.chance(80) ? fixture.disposableSessionId() : fixture.sessionId();
            case "id" -> odd.pick(fixture.jobIds());
            case "name" -> op.path().contains("/optimizers/") ? words.optimizerName()
                    : op.path().contains("/modules/") ? (odd.chance(85) ? Fixture.MODULE : words.freshName())
                    : drops && odd.chance(70) ? words.freshName() : words.tensorName();
            case "scheduler" -> words.schedulerName();
            case "op" -> words.opName();
            default -> throw new IllegalArgumentException("no real value for the path parameter " + name);
        };
    }

    private boolean include(OpenApi.Parameter p, Flavour flavour) {
        if (p.required()) return flavour != Flavour.INVALID || odd.chance(70);
        return odd.chance(50);
    }

    private String parameterValue(OpenApi.Parameter p, Flavour flavour) {
        String type = String.valueOf(p.schema().get("type"));
        if (flavour == Flavour.VALID) {
            return switch (p.name()) {
                case "root" -> words.tensorName();
                case "lastEventId", "Last-Event-ID" -> Integer.toString(odd.between(0, 30));
                case "iteration" -> Integer.toString(odd.between(0, 8) * 5);
                case "pageSize" -> Integer.toString(odd.between(1, 200));
                case "createdAfter", "createdBefore" -> java.time.Instant.now().minusSeconds(odd.between(0, 600)).toString();
                case "status" -> odd.pick(List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"));
                default -> type.equals("boolean") ? Boolean.toString(odd.random().nextBoolean()) : odd.identifier(4);
            };
        }
        if (flavour == Flavour.BOUNDARY) {
            return switch (type) {
                case "boolean" -> odd.pick(List.of("TRUE", "False", "1", "0", "", "on", "no"));
                case "integer" -> odd.pick(List.of("-1", "0", "2147483647", "2147483648", "99999999999999999999", "", "+5", "007"));
                default -> odd.pick(List.of("", "-1", "0", "99999999999999999999", " 5 ", odd.oddText()));
            };
        }
        return switch (type) {
            case "boolean" -> odd.pick(List.of("maybe", "2", "truee", "null", odd.oddText()));
            case "integer" -> odd.pick(List.of("abc", "1.5", "1e3", "0x10", "NaN", odd.oddText()));
            default -> odd.oddText();
        };
    }

    private String accept(OpenApi.Operation op, Flavour flavour) {
        if (odd.chance(50)) return null;
        return switch (flavour) {
            case VALID -> op.answerTypes().isEmpty() || odd.chance(30) ? "*/*" : odd.pick(op.answerTypes());
            case BOUNDARY -> odd.pick(List.of("*/*;q=0.1", "application/json, text/plain;q=0.5", "application/*", "*/*"));
            case INVALID -> odd.pick(ODD_ACCEPTS);
        };
    }

    private String contentType(Flavour flavour) {
        return switch (flavour) {
            case VALID -> "application/json";
            case BOUNDARY -> odd.pick(List.of("application/json; charset=utf-8", "application/json;charset=UTF-8", "APPLICATION/JSON",
                    "application/json"));
            case INVALID -> odd.chance(60) ? "application/json" : odd.chance(20) ? null : odd.pick(WRONG_CONTENT_TYPES);
        };
    }

    private byte[] notJson() {
        return odd.chance(10) ? NOT_UTF8.clone() : bytes(odd.pick(NOT_JSON));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes all but the unreserved characters (a few reserved ones that stay legal in a path are left as they are). */
    private String segment(String raw) {
        StringBuilder sb = new StringBuilder();
        boolean keepReserved = odd.chance(30);
        for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~".indexOf(c) >= 0 || keepReserved && ";=:@!$&'()*+,".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static String headerSafe(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        return sb.toString();
    }
}
