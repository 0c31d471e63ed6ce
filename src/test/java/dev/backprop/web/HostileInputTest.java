package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever a client sends, the answer is a result or a documented refusal, and the session stays consistent. */
@ServiceTest
class HostileInputTest extends ApiTest {
    private static final int THREADS = 64;
    private static final int REQUESTS_PER_THREAD = 50;


    @Test
    void malformedBodiesAre400() {
        try (var s = api.session()) {
            for (String body : new String[] {"{", "}", "{\"op\": }", "{\"op\": \"add\",}", "{'op': 'add'}", "[", "\"op\"", "{\"op\": \"add\"} x",
                    "{\"op\": \"add\", \"inputs\": [01]}", "\u0000", "{\"op\": \"a\\q\"}"}) {
                assertThat(s.op(body).problem(400, "malformed-json").path("detail").stringValue()).isNotBlank();
            }
            byte[] invalidUtf8 = {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            api.postBytes(s.path() + "/ops", invalidUtf8, false).problem(400, "malformed-json");
            for (String nothing : new String[] {"", "null", "   "}) {
                Api.Response r = s.op(nothing).expect(400);
                assertThat(r.contentType()).startsWith(Api.PROBLEM_JSON);
            }
        }
    }

    @Test
    void refusalsNeverRevealTheServicesInternals() {
        try (var s = api.session()) {
            List<Api.Response> answers = List.of(s.op(""), s.op("null"), s.op("[1]"), s.op("{\"op\": {}}"),
                    s.tensor("{\"name\": \"w\", \"data\": {}}"), s.tensor("{\"name\": [1], \"data\": [1]}"),
                    s.backward("{\"tensors\": \"y\"}"), s.module("{\"name\": \"m\", \"layers\": 5}"),
                    api.post("/sessions", "{\"seed\": []}"));
            List<String> revealing = new ArrayList<>();
            for (Api.Response r : answers) {
                assertThat(r.status()).as(r.body()).isBetween(400, 499);
                assertThat(r.contentType()).startsWith(Api.PROBLEM_JSON);
                String detail = r.detail();
                if (java.util.regex.Pattern.compile("dev\\.backprop|java\\.(lang|util)|\\$|Exception|tools\\.jackson|LinkedHashMap")
                        .matcher(detail).find()) {
                    revealing.add(detail);
                }
            }
            assertThat(revealing).as("details that name classes or methods of the service").isEmpty();
        }
    }

    @Test
    void unknownOpsAndWrongShapesAreRefusedWithoutSideEffects() {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"m\", \"data\": [[1.0, 2.0], [3.0, 4.0]]}").expect(201);
            s.op("{\"op\": \"__import__\", \"inputs\": [\"m\"]}").problem(400, "unknown-op");
            s.op("{\"op\": \"add; drop\", \"inputs\": [\"m\"]}").problem(400, "unknown-op");
            s.op("{\"op\": \"\", \"inputs\": [\"m\"]}").problem(400, "invalid-request");
            s.tensor("{\"name\": \"v\", \"data\": [1.0, 2.0, 3.0]}").expect(201);
            assertThat(s.op("{\"op\": \"mm\", \"inputs\": [\"m\", \"v\"]}").problem(422, "shape-mismatch").get("detail").stringValue())
                    .isNotBlank();
            s.op("{\"op\": \"reshape\", \"inputs\": [\"m\", [3]]}").problem(422, "shape-mismatch");
            s.op("{\"op\": \"sum\", \"inputs\": [\"m\"], \"attrs\": {\"dim\": 5}}").problem(422, "invalid-argument");
            s.op("{\"op\": \"zeros\", \"attrs\": {\"size\": [-1]}}").problem(422, "invalid-argument");
            s.tensor("{\"name\": \"ragged\", \"data\": [[1.0, 2.0], [3.0]]}").problem(422, "invalid-argument");
            assertThat(Api.names(s.list().expect(200).json())).containsExactly("m", "v");
        }
    }

    @Test
    void sizesOverTheDefaultLimitsAreRefusedBeforeAnythingIsAllocated() {
        try (var s = api.session()) {
            s.op("{\"op\": \"zeros\", \"attrs\": {\"size\": [16777217]}}").problem(413, "too-large");
            s.op("{\"op\": \"ones\", \"attrs\": {\"size\": [65536, 65536]}}").problem(413, "too-large");
            s.op("{\"op\": \"rand\", \"attrs\": {\"size\": [2147483647, 2147483647, 2147483647]}}").problem(413, "too-large");
            s.op("{\"op\": \"zeros\", \"attrs\": {\"size\": [1, 1, 1, 1, 1, 1, 1, 1, 1]}}").problem(413, "too-large");
            s.op("{\"op\": \"zeros\", \"attrs\": {\"size\": [99999999999]}}").problem(422, "invalid-argument");
            s.module("{\"name\": \"m\", \"layers\": [{\"type\": \"linear\", \"inFeatures\": 100000, \"outFeatures\": 100000}]}")
                    .problem(413, "too-large");
            String ops = String.join(",", java.util.Collections.nCopies(10_001, "{\"op\": \"ones\", \"attrs\": {\"size\": [1]}}"));
            s.op("{\"ops\": [" + ops + "]}").problem(413, "batch-too-large");
            assertThat(s.info().expect(200).json().get("bytes").asLong()).isZero();
        }
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        try (var s = api.session()) {
            String arrays = Api.nested("[", "1", "]", 10_000);
            assertThat(s.tensor("{\"name\": \"d\", \"data\": " + arrays + "}").problem(400, "json-limits").get("detail").stringValue())
                    .contains("nesting depth");
            s.op("{\"op\": \"add\", \"inputs\": " + arrays + "}").problem(400, "json-limits");
            s.op(Api.nested("{\"a\": ", "1", "}", 10_000)).problem(400, "json-limits");
            s.module("{\"name\": \"m\", \"layers\": " + Api.nested("{\"c\": ", "{\"type\": \"sigmoid\"}", "}", 10_000) + "}")
                    .problem(400, "json-limits");
            s.op("{\"op\": \"add\", \"inputs\": [" + "1".repeat(1001) + "]}").problem(400, "json-limits");
            s.tensor("{\"name\": \"" + "n".repeat(1_048_577) + "\", \"data\": [1]}").problem(400, "json-limits");
            assertThat(s.list().expect(200).json()).isEmpty();
        }
    }

    @Test
    void anotherMediaTypeIsRefused() {
        try (var s = api.session()) {
            Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + s.path() + "/ops"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"op\": \"neg\"}")));
            r.problem(415, "unsupported-media-type");
        }
    }

    // ---- many clients at one session ------------------------------------------------------------------

    private enum Kind { ADD, BATCH, FRESH, TRAIN, READ, FAIL_UNKNOWN, FAIL_SHAPE, FAIL_LEAF, MALFORMED, NAN, INFINITE, MISSING, TOO_LARGE, DEEP, TWICE }

    /** What one thread saw answered, to replay serially. */
    private static final class Tally {
        long accSum;
        int accAdds;
        int ownAdds;
        int fresh;
        int trained;
    }

    @Test
    void manyClientsAtOneSessionGetDocumentedAnswersAndLeaveAConsistentSession() throws Exception {
        try (var s = api.session()) {
            s.tensor("{\"name\": \"acc\", \"data\": [0.0], \"dtype\": \"float64\"}").expect(201);
            for (int k = 0; k < THREADS; k++) {
                s.op("""
                        {"ops": [
                          {"op": "tensor", "attrs": {"data": [0.0], "dtype": "float64"}, "out": "o%1$d"},
                          {"op": "tensor", "attrs": {"data": [1.0, 2.0], "requires_grad": true}, "out": "w%1$d"},
                          {"op": "tensor", "attrs": {"data": [[1.0, 2.0]]}, "out": "p%1$d"},
                          {"op": "tensor", "attrs": {"data": [[1.0, 2.0, 3.0]]}, "out": "q%1$d"}
                        ]}""".formatted(k)).expect(200);
            }
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Tally> tallies = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Tally>> futures = new ArrayList<>();
                for (int k = 0; k < THREADS; k++) {
                    int thread = k;
                    futures.add(pool.submit(() -> clientRun(s, thread, new Random(20_261_127L + thread), wrong)));
                }
                for (Future<Tally> f : futures) tallies.add(f.get(120, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
            assertThat(wrong).as("answers that were neither the expected result nor the documented refusal").isEmpty();

            long accSum = 0;
            int accAdds = 0, fresh = 0, trainedThreads = 0;
            for (int k = 0; k < THREADS; k++) {
                Tally t = tallies.get(k);
                accSum += t.accSum;
                accAdds += t.accAdds;
                fresh += t.fresh;
                assertThat(s.view("o" + k).get("data").get(0).doubleValue()).as("o%d", k).isEqualTo(t.ownAdds);
                JsonNode w = s.view("w" + k);
                assertThat(Api.floats(w.get("data"))).containsExactly(1f, 2f);
                if (t.trained == 0) {
                    assertThat(w.get("grad").isNull()).isTrue();
                } else {
                    trainedThreads++;
                    assertThat(Api.floats(w.get("grad"))).as("w%d.grad", k).containsExactly(2f * t.trained, 4f * t.trained);
                }
            }
            JsonNode acc = s.view("acc");
            assertThat(acc.get("data").get(0).doubleValue()).isEqualTo((double) accSum);
            assertThat(acc.get("version").asInt()).isEqualTo(accAdds);
            assertThat(s.list().expect(200).json()).hasSize(1 + 4 * THREADS + 2 * trainedThreads + fresh);

            JsonNode after = s.op("{\"op\": \"add\", \"inputs\": [\"acc\", 1], \"out\": \"final\"}").expect(200).json();
            assertThat(after.get("data").get(0).doubleValue()).isEqualTo(accSum + 1.0);
        }
    }

    private Tally clientRun(Api.Session s, int k, Random random, ConcurrentLinkedQueue<String> wrong) {
        Tally tally = new Tally();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            int n = 1 + random.nextInt(9);
            String addAcc = "{\"op\": \"add_\", \"inputs\": [\"acc\", " + n + "]}";
            Api.Response r;
            Expected e;
            switch (kind) {
                case ADD -> {
                    r = s.op(addAcc);
                    e = Expected.ok(200);
                    if (r.status() == 200) {
                        tally.accSum += n;
                        tally.accAdds++;
                    }
                }
                case BATCH -> {
                    r = s.op("{\"ops\": [" + addAcc + ", {\"op\": \"add_\", \"inputs\": [\"o" + k + "\", 1]}]}");
                    e = Expected.ok(200);
                    if (r.status() == 200) {
                        tally.accSum += n;
                        tally.accAdds++;
                        tally.ownAdds++;
                    }
                }
                case FRESH -> {
                    r = s.op("{\"op\": \"mul\", \"inputs\": [\"p" + k + "\", " + n + "]}");
                    e = Expected.ok(200);
                    if (r.status() == 200) tally.fresh++;
                }
                case TRAIN -> {
                    r = s.op("{\"ops\": [{\"op\": \"mul\", \"inputs\": [\"w%1$d\", \"w%1$d\"], \"out\": \"y%1$d\"}, "
                            .formatted(k) + "{\"op\": \"sum\", \"inputs\": [\"y%1$d\"], \"out\": \"l%1$d\"}]}".formatted(k));
                    e = Expected.ok(200);
                    if (r.status() == 200) {
                        r = s.backward("{\"tensors\": [\"l" + k + "\"]}");
                        if (r.status() == 200) tally.trained++;
                    }
                }
                case READ -> {
                    r = random.nextBoolean() ? s.get("acc") : s.list();
                    e = Expected.ok(200);
                }
                case FAIL_UNKNOWN -> {
                    r = s.op("{\"ops\": [" + addAcc + ", {\"op\": \"add_\", \"inputs\": [\"o" + k + "\", 1]}, {\"op\": \"no_such_op\"}]}");
                    e = Expected.refusal(400, "unknown-op", 2);
                }
                case FAIL_SHAPE -> {
                    r = s.op("{\"ops\": [" + addAcc + ", {\"op\": \"add\", \"inputs\": [\"p" + k + "\", \"q" + k + "\"], \"out\": \"bad\"}]}");
                    e = Expected.refusal(422, "shape-mismatch", 1);
                }
                case FAIL_LEAF -> {
                    r = s.op("{\"ops\": [" + addAcc + ", {\"op\": \"add_\", \"inputs\": [\"w" + k + "\", 1]}]}");
                    e = Expected.refusal(422, "inplace-on-leaf", 1);
                }
                case MALFORMED -> {
                    r = s.op(addAcc.substring(0, 1 + random.nextInt(addAcc.length() - 1)));
                    e = Expected.refusal(400, "malformed-json", null);
                }
                case NAN -> {
                    r = s.op("{\"op\": \"add_\", \"inputs\": [\"acc\", NaN]}");
                    e = Expected.refusal(400, "malformed-json", null);
                }
                case INFINITE -> {
                    r = s.op("{\"ops\": [" + addAcc + ", {\"op\": \"add_\", \"inputs\": [\"acc\", 1e309]}]}");
                    e = Expected.refusal(400, "non-finite-number", null);
                }
                case MISSING -> {
                    r = s.op("{\"ops\": [" + addAcc + ", {\"op\": \"add_\", \"inputs\": [\"ghost" + k + "\", 1]}]}");
                    e = Expected.refusal(404, "tensor-not-found", 1);
                }
                case TOO_LARGE -> {
                    r = s.op("{\"ops\": [" + addAcc + ", {\"op\": \"zeros\", \"attrs\": {\"size\": [16777217]}}]}");
                    e = Expected.refusal(413, "too-large", 1);
                }
                case DEEP -> {
                    r = s.op("{\"op\": \"add_\", \"inputs\": [\"acc\", " + Api.nested("[", "1", "]", 100 + random.nextInt(1000)) + "]}");
                    e = Expected.refusal(400, "json-limits", null);
                }
                case TWICE -> {
                    r = s.backward("{\"tensors\": [\"l" + k + "\"]}");
                    e = tally.trained > 0 ? Expected.refusal(422, "graph-freed", null) : Expected.refusal(404, "tensor-not-found", null);
                }
                default -> throw new IllegalStateException();
            }
            String problem = e.check(r);
            if (problem != null) wrong.add("thread " + k + ", " + kind + ": " + problem);
        }
        return tally;
    }

    private record Expected(int status, String code, Integer opIndex) {
        static Expected ok(int status) {
            return new Expected(status, null, null);
        }

        static Expected refusal(int status, String code, Integer opIndex) {
            return new Expected(status, code, opIndex);
        }

        /** Null when the answer is as documented, else what is wrong with it. */
        String check(Api.Response r) {
            if (r.status() >= 500) return "server error " + r.status() + " " + r.body();
            if (r.status() != status) return "status " + r.status() + " " + r.body();
            if (code == null) return r.contentType().startsWith("application/json") ? null : "content type " + r.contentType();
            if (!r.contentType().startsWith(Api.PROBLEM_JSON)) return "content type " + r.contentType();
            JsonNode p = r.json();
            if (!code.equals(p.path("code").stringValue())) return "code " + p.path("code") + " " + r.body();
            if (opIndex != null && p.path("opIndex").asInt(-1) != opIndex) return "opIndex " + p.path("opIndex");
            return null;
        }
    }
}
