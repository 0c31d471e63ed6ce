package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.web.fuzz.Coverage;
import dev.backprop.web.fuzz.Fixture;
import dev.backprop.web.fuzz.FuzzRequest;
import dev.backprop.web.fuzz.OpenApi;
import dev.backprop.web.fuzz.RequestMaker;
import dev.backprop.web.fuzz.Violations;
import dev.backprop.web.fuzz.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the committed OpenAPI document, for every operation: valid, boundary and invalid
 * bodies, parameters and headers, against real sessions, tensors, modules, optimizers and jobs. Whatever is
 * sent, no answer is a 5xx and every refusal is a problem with its code. {@code -Dfuzz.seed=N} replays a run
 * (the seed is printed first); {@code -Dfuzz.requests=N} sets how many requests are sent. Every breach is
 * written to {@code target/spec-fuzz/violations.txt}.
 */
@ServiceTest
class SpecFuzzTest extends ApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** An event stream of a job still running stays open: it is read this long, then closed. */
    private static final Duration STREAM_PATIENCE = Duration.ofSeconds(3);
    private static final Path REPORT = Path.of("target/spec-fuzz/violations.txt");

    @Test
    void everyAnswerIsAResultOrAProblemWithItsCode() throws Exception {
        long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
        int requests = Integer.getInteger("fuzz.requests", 10_000);
        System.out.println("SpecFuzzTest: seed " + seed + " (-Dfuzz.seed=" + seed + " replays this run), " + requests + " requests");
        OpenApi spec = OpenApi.read(Path.of("openapi/openapi.yaml"));
        Wire wire = new Wire(port);
        Violations violations = new Violations(System.out::println, spec.documentedStatuses());
        Coverage coverage = new Coverage();
        long started = System.nanoTime();
        try (Fixture fixture = new Fixture(wire)) {
            fixture.startJobs();
            Random order = new Random(seed);
            RequestMaker maker = new RequestMaker(spec, fixture, new Random(seed));
            List<OpenApi.Operation> round = new ArrayList<>(spec.operations());
            for (int i = 0; i < requests; i++) {
                if (i % round.size() == 0) Collections.shuffle(round, order);
                OpenApi.Operation op = round.get(i % round.size());
                FuzzRequest r = maker.make(op, maker.flavour());
                long sent = System.nanoTime();
                Wire.Answer a = wire.send(r, r.stream() ? STREAM_PATIENCE : PATIENCE);
                coverage.count(op, r, a, System.nanoTime() - sent);
                fixture.observe(r, a);
                violations.check(r, a);
            }
        }
        System.out.printf("SpecFuzzTest: %d requests in %.1f s%n%s", requests, (System.nanoTime() - started) / 1e9, coverage.table());
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, violations.every());
        assertThat(violations.total()).as(violations.summary(seed)).isZero();
        assertThat(coverage.neverSucceeded()).as("operations that never answered 2xx: the fuzzing did not reach their handlers")
                .isEmpty();
    }
}
