package dev.backprop.web.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The contract every answer keeps: no status 5xx, and every status of 400 or more is an RFC 9457 problem
 * ({@code application/problem+json}) with a string {@code code}, a {@code status} equal to the HTTP status, and a
 * {@code type}, {@code title} and {@code detail}. Breaches are grouped by operation, status, code (or the body's
 * first line) and what was wrong, with one example each.
 */
public final class Violations {
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_BASE = "https://backprop.dev/problems/";

    /** One kind of breach, its first example and how often it was seen. */
    private static final class Group {
        final String operation;
        final String what;
        final int status;
        final String code;
        final FuzzRequest example;
        final String answer;
        int count;

        Group(String operation, String what, int status, String code, FuzzRequest example, String answer) {
            this.operation = operation;
            this.what = what;
            this.status = status;
            this.code = code;
            this.example = example;
            this.answer = answer;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<String> every = new ArrayList<>();
    private final Consumer<String> log;
    private int total;

    private final java.util.Map<String, java.util.Set<String>> documented;

    /**
     * @param log        where breaches are reported as they are found (the first few of each group; {@link #every()} has all)
     * @param documented each operation's documented statuses, by operation id: any other status is a breach of the spec
     */
    public Violations(Consumer<String> log, java.util.Map<String, java.util.Set<String>> documented) {
        this.log = log;
        this.documented = documented;
    }

    /** Checks an answer; a breach is recorded and reported. */
    public void check(FuzzRequest r, Wire.Answer a) {
        if (a.failure() != null) {
            if (!(a.timedOut() && r.stream())) record(r, a, a.failure(), "");
            return;
        }
        if (a.status() >= 500) record(r, a, "status 5xx", codeOrFirstLine(a));
        if (!documented.getOrDefault(r.operation(), java.util.Set.of()).contains(Integer.toString(a.status()))) {
            record(r, a, "status " + a.status() + " not in the spec", codeOrFirstLine(a));
        }
        if (a.status() < 400) return;
        if (!a.contentType().toLowerCase().startsWith(PROBLEM_JSON)) {
            record(r, a, "not " + PROBLEM_JSON + " (Content-Type '" + a.contentType() + "')", codeOrFirstLine(a));
            return;
        }
        if (a.json().isEmpty()) {
            record(r, a, "a problem body that is not JSON", codeOrFirstLine(a));
            return;
        }
        JsonNode p = a.json().get();
        String code = p.path("code").isString() ? p.path("code").stringValue() : "";
        List<String> wrong = new ArrayList<>();
        if (code.isEmpty()) wrong.add("no string code");
        if (!p.path("status").isIntegralNumber() || p.path("status").asInt() != a.status()) wrong.add("status " + p.path("status"));
        for (String field : List.of("type", "title", "detail")) {
            if (!p.path(field).isString()) wrong.add("no string " + field);
        }
        if (!code.isEmpty() && p.path("type").isString() && !p.path("type").stringValue().equals(TYPE_BASE + code)) {
            wrong.add("type " + p.path("type").stringValue() + " for code " + code);
        }
        if (!wrong.isEmpty()) record(r, a, "problem with " + String.join(", ", wrong), codeOrFirstLine(a));
    }

    /** Every breach in the order found: what was wrong and the whole request. */
    public List<String> every() {
        return every;
    }

    public int total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** Every group, the most frequent first, each with one replayable request and the start of its answer. */
    public String summary(long seed) {
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(" answers broke the contract, in ").append(groups.size()).append(" groups (seed ").append(seed)
                .append("; replay the run with -Dfuzz.seed=").append(seed).append("):\n");
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.comparingInt((Group g) -> -g.count).thenComparing(g -> g.operation));
        int i = 0;
        for (Group g : sorted) {
            sb.append("\n#").append(++i).append(" ×").append(g.count).append("  ").append(g.operation).append("  status ")
                    .append(g.status).append("  ").append(g.code.isEmpty() ? "" : g.code + "  ").append("— ").append(g.what).append('\n');
            sb.append("  request (").append(g.example.flavour()).append("):\n");
            g.example.replay().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
            sb.append("  answer: ").append(g.answer).append('\n');
        }
        return sb.toString();
    }

    private void record(FuzzRequest r, Wire.Answer a, String what, String code) {
        total++;
        String key = r.operation() + "|" + a.status() + "|" + code + "|" + what;
        Group g = groups.computeIfAbsent(key, k -> new Group(r.operation(), what, a.status(), code, r, abbreviate(a)));
        every.add("=== " + r.operation() + " " + a.status() + " " + what + " [" + code + "] (" + r.flavour() + ")\n" + r.replay() + "\n");
        if (++g.count <= 3) {
            log.accept("VIOLATION " + a.status() + " " + what + " [" + code + "] on " + r.oneLine(600));
        }
    }

    private static String codeOrFirstLine(Wire.Answer a) {
        Optional<String> code = a.json().filter(p -> p.path("code").isString()).map(p -> p.path("code").stringValue());
        if (code.isPresent()) return code.get();
        String text = a.text().strip();
        int nl = text.indexOf('\n');
        String line = nl >= 0 ? text.substring(0, nl) : text;
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static String abbreviate(Wire.Answer a) {
        String text = a.text().replace("\n", "\\n");
        String type = a.contentType().isEmpty() ? "" : "[" + a.contentType() + "] ";
        return type + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
    }
}
