package dev.backprop.web.fuzz;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real things the fuzzer's requests name, so that they reach the handlers and not only 404s: a session
 * with tensors, a module and two optimizers (each with a scheduler), and jobs. It is built again when a request drops the session
 * or one of its tensors, modules, optimizers or schedulers; every session and job made during the run is dropped or cancelled at the end.
 */
public final class Fixture implements AutoCloseable {
    static final List<String> TENSORS = List.of("w", "x", "m", "s", "flag", "idx", "train_x", "train_y", "y", "loss", "u");
    static final String MODULE = "net";
    static final List<String> PARAMETERS = List.of("net.0.weight", "net.0.bias");
    static final List<String> OPTIMIZERS = List.of("sgd_opt", "adam_opt");
    static final String SCHEDULER = "warm";
    private static final int RECENT_JOBS = 6;
    private static final int LIVE_SESSIONS = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Wire wire;
    private String sessionId;
    private boolean stale = true;
    private final List<String> pinnedJobs = new ArrayList<>();
    private final Deque<String> recentJobs = new ArrayDeque<>();
    private final Set<String> jobs = new LinkedHashSet<>();
    private final LinkedHashSet<String> sessions = new LinkedHashSet<>();

    public Fixture(Wire wire) {
        this.wire = wire;
    }

    public String sessionId() {
        if (stale) build();
        return sessionId;
    }

    /** A session the fuzzing opened, to be dropped rather than the fixture's (the fixture's when there is none). */
    public String disposableSessionId() {
        return sessions.isEmpty() ? sessionId() : sessions.getLast();
    }

    /** Ids of the fixture's jobs and of those the fuzzing started lately. */
    public List<String> jobIds() {
        List<String> ids = new ArrayList<>(pinnedJobs);
        ids.addAll(recentJobs);
        return ids;
    }

    /** Starts a job that finishes, one that is cancelled and one of three features, and waits for them to end. */
    public void startJobs() {
        String done = startJob("""
                {"seed": 1, "maxIterations": 40, "logEvery": 10}""");
        String cancelled = startJob("""
                {"maxIterations": 1000000, "targetAccuracy": 2.0, "logEvery": 1000}""");
        ok(wire.json("POST", "/api/v1/jobs/" + cancelled + "/cancel", null), 200);
        String threeFeatures = startJob("""
                {"data": {"synthetic": {"samplesPerClass": 10, "features": 3}}, "maxIterations": 30, "logEvery": 5}""");
        pinnedJobs.addAll(List.of(done, cancelled, threeFeatures));
        for (String id : pinnedJobs) {
            await().atMost(Duration.ofSeconds(60)).until(() -> finished(id));
        }
    }

    /** Learns from an answer: the sessions and jobs it made, and whether it dropped part of the fixture. */
    public void observe(FuzzRequest r, Wire.Answer a) {
        if (a.status() == 201 && r.method().equals("POST") && r.target().equals("/api/v1/sessions")) {
            sessions.add(JSON.readTree(a.body()).path("id").stringValue());
            if (sessions.size() > LIVE_SESSIONS) dropSessions();
        }
        if (a.status() == 202 && r.method().equals("POST") && r.target().equals("/api/v1/jobs")) {
            remember(JSON.readTree(a.body()).path("id").stringValue());
        }
        if (a.status() / 100 == 2 && r.method().equals("DELETE") && sessionId != null) {
            String fixturePath = "/api/v1/sessions/" + sessionId;
            boolean fixtureTensor = Stream.concat(TENSORS.stream(), PARAMETERS.stream())
                    .anyMatch(t -> r.target().equals(fixturePath + "/tensors/" + t));
            boolean fixtureObject = r.target().startsWith(fixturePath + "/modules/") || r.target().startsWith(fixturePath + "/optimizers/");
            if (r.target().equals(fixturePath) || fixtureTensor || fixtureObject) stale = true;
        }
        if (a.status() / 100 == 2 && r.method().equals("DELETE")) sessions.removeIf(id -> r.target().equals("/api/v1/sessions/" + id));
    }

    @Override
    public void close() {
        for (String id : jobs) wire.json("POST", "/api/v1/jobs/" + id + "/cancel", null);
        dropSessions();
        if (sessionId != null) wire.json("DELETE", "/api/v1/sessions/" + sessionId, null);
    }

    private void build() {
        if (sessionId != null) wire.json("DELETE", "/api/v1/sessions/" + sessionId, null);
        JsonNode session = ok(wire.json("POST", "/api/v1/sessions", """
                {"seed": 7}"""), 201);
        sessionId = session.path("id").stringValue();
        String base = "/api/v1/sessions/" + sessionId;
        for (String tensor : List.of("""
                {"name": "w", "data": [1.0, 2.0], "requiresGrad": true}""", """
                {"name": "x", "data": [3.0, 4.0]}""", """
                {"name": "m", "data": [[1.0, 2.0], [3.0, 4.0]]}""", """
                {"name": "s", "data": 3.0, "requiresGrad": true}""", """
                {"name": "flag", "data": [true, false], "dtype": "bool"}""", """
                {"name": "idx", "data": [1, 2], "dtype": "int64"}""", """
                {"name": "train_x", "data": [[1.0, 2.0], [-1.0, -2.0], [1.5, 1.0], [-1.5, -0.5]]}""", """
                {"name": "train_y", "data": [0, 1, 0, 1]}""")) {
            ok(wire.json("POST", base + "/tensors", tensor), 201);
        }
        ok(wire.json("POST", base + "/ops", """
                {"ops": [{"op": "mul", "inputs": ["w", "x"], "out": "y"}, {"op": "retain_grad", "inputs": ["y"]},
                         {"op": "sum", "inputs": ["y"], "out": "loss"}, {"op": "pow", "inputs": ["s", 2], "out": "u"}]}"""), 200);
        ok(wire.json("POST", base + "/modules", """
                {"name": "net", "layers": [{"type": "linear", "inFeatures": 2, "outFeatures": 1}, {"type": "sigmoid"}]}"""), 201);
        ok(wire.json("POST", base + "/optimizers", """
                {"name": "sgd_opt", "type": "sgd", "params": ["net"], "lr": 0.1, "momentum": 0.9}"""), 201);
        ok(wire.json("POST", base + "/optimizers", """
                {"name": "adam_opt", "type": "adam", "params": ["w"], "lr": 0.01}"""), 201);
        for (String optimizer : OPTIMIZERS) {
            ok(wire.json("POST", base + "/optimizers/" + optimizer + "/schedulers", """
                    {"name": "warm", "type": "linear_lr"}"""), 201);
        }
        ok(wire.json("POST", base + "/backward", """
                {"tensors": ["loss"], "retainGraph": true}"""), 200);
        stale = false;
    }

    private String startJob(String spec) {
        String id = ok(wire.json("POST", "/api/v1/jobs", spec), 202).path("id").stringValue();
        jobs.add(id);
        return id;
    }

    private boolean finished(String id) {
        String status = ok(wire.json("GET", "/api/v1/jobs/" + id, null), 200).path("status").stringValue();
        return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status);
    }

    private void remember(String id) {
        jobs.add(id);
        recentJobs.addLast(id);
        if (recentJobs.size() > RECENT_JOBS) recentJobs.removeFirst();
    }

    private void dropSessions() {
        for (String id : new ArrayList<>(sessions)) wire.json("DELETE", "/api/v1/sessions/" + id, null);
        sessions.clear();
    }

    private static JsonNode ok(Wire.Answer a, int status) {
        if (a.status() != status) {
            throw new IllegalStateException("setting up the fuzzer's fixture: expected " + status + ", got " + a.status() + " " + a.text());
        }
        return JSON.readTree(a.body());
    }
}
