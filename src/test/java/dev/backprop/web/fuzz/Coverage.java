package dev.backprop.web.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzzing reached: the statuses each operation answered with (and which of them the spec does not
 * state), the mean time of an answer, and the refusals of requests meant to be valid, which point at the
 * spec or at the generator.
 */
public final class Coverage {
    private final Map<OpenApi.Operation, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    private final Map<OpenApi.Operation, Long> nanos = new LinkedHashMap<>();
    private final Map<String, Integer> validRefusals = new TreeMap<>();
    private final Map<String, String> validRefusalDetails = new TreeMap<>();

    public void count(OpenApi.Operation op, FuzzRequest r, Wire.Answer a, long elapsedNanos) {
        statuses.computeIfAbsent(op, k -> new TreeMap<>()).merge(a.failure() == null ? a.status() : 0, 1, Integer::sum);
        nanos.merge(op, elapsedNanos, Long::sum);
        if (r.flavour() == Flavour.VALID && a.status() == 400) {
            String key = op.id() + " " + code(a);
            validRefusals.merge(key, 1, Integer::sum);
            validRefusalDetails.putIfAbsent(key, detail(a) + " ← " + r.oneLine(300));
        }
    }

    /** Operations that never answered 2xx. */
    public List<OpenApi.Operation> neverSucceeded() {
        return statuses.entrySet().stream().filter(e -> e.getValue().keySet().stream().noneMatch(s -> s / 100 == 2))
                .map(Map.Entry::getKey).toList();
    }

    public String table() {
        StringBuilder sb = new StringBuilder("statuses per operation, and the mean time of an answer (0: no answer; * not in the spec):\n");
        statuses.forEach((op, counts) -> {
            int n = counts.values().stream().mapToInt(Integer::intValue).sum();
            sb.append(String.format("  %-18s %-6s %-52s %6.1f ms", op.id(), op.method(), op.path(), nanos.get(op) / 1e6 / n));
            counts.forEach((status, count) -> sb.append(' ').append(status)
                    .append(status == 0 || op.statuses().contains(Integer.toString(status)) ? "" : "*").append('×').append(count));
            sb.append('\n');
        });
        sb.append("requests meant to be valid that were refused with 400 (operation, code: count, first detail ← its request):\n");
        validRefusals.forEach((key, count) -> sb.append("  ").append(key).append(": ").append(count).append(", ")
                .append(validRefusalDetails.get(key)).append('\n'));
        return sb.toString();
    }

    private static String code(Wire.Answer a) {
        return a.json().map(p -> p.path("code").asString("?")).orElse("?");
    }

    private static String detail(Wire.Answer a) {
        String text = a.text().length() > 100 ? a.text().substring(0, 100) : a.text();
        return a.json().map(p -> p.path("detail").asString(text)).orElse(text);
    }
}
