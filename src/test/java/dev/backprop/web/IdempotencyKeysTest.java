package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.memory.MemoryPool;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The store of idempotency keys on its own: tenants, keys in flight, and what it forgets. */
class IdempotencyKeysTest {
    private static final Caller ALICE = new Caller("alice");
    private static final Caller BOB = new Caller("bob");
    private static final Map<String, Integer> REQUEST = Map.of("seed", 1);

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger runs = new AtomicInteger();

    private IdempotencyKeys keys(int maxEntries, String maxBodyBytes, String maxBytes) {
        return keys(maxEntries, maxBodyBytes, maxBytes, new MemoryPool("sessions", 1L << 30));
    }

    private IdempotencyKeys keys(int maxEntries, String maxBodyBytes, String maxBytes, MemoryPool memory) {
        return new IdempotencyKeys(new IdempotencyLimits(Duration.ofHours(24), maxEntries, DataSize.parse(maxBodyBytes),
                DataSize.parse(maxBytes)), memory, JsonMapper.builder().build(), clock);
    }

    private IdempotencyKeys keys() {
        return keys(10_000, "64KB", "16MB");
    }

    /** Work that creates one more thing each time it runs: its answer carries the run's number. */
    private final Supplier<ResponseEntity<?>> create = () -> {
        int n = runs.incrementAndGet();
        return ResponseEntity.created(URI.create("/api/v1/things/" + n)).body(Map.of("id", n));
    };

    private static String body(ResponseEntity<?> answer) {
        return answer.getBody() instanceof byte[] bytes ? new String(bytes) : JsonMapper.builder().build().writeValueAsString(answer.getBody());
    }

    @Test
    void theSameKeyOfTwoTenantsNamesTwoRequests() {
        IdempotencyKeys keys = keys();
        ResponseEntity<?> alices = keys.answer(ALICE, "k", "POST /things", REQUEST, create);
        ResponseEntity<?> bobs = keys.answer(BOB, "k", "POST /things", REQUEST, create);
        assertThat(runs).hasValue(2);
        assertThat(body(alices)).isEqualTo("{\"id\":1}");
        assertThat(body(bobs)).isEqualTo("{\"id\":2}");

        ResponseEntity<?> again = keys.answer(BOB, "k", "POST /things", REQUEST, create);
        assertThat(runs).hasValue(2);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getLocation()).hasToString("/api/v1/things/2");
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(body(again)).isEqualTo("{\"id\":2}");
    }

    @Test
    void aKeyNamesOneOperationWithOneBody() {
        IdempotencyKeys keys = keys();
        keys.answer(ALICE, "k", "POST /things", REQUEST, create);
        assertThatThrownBy(() -> keys.answer(ALICE, "k", "POST /things", Map.of("seed", 2), create))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("idempotency-key-reused");
                });
        assertThatThrownBy(() -> keys.answer(ALICE, "k", "POST /others", REQUEST, create))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aRetryWhileTheFirstIsRunningIs409() throws Exception {
        IdempotencyKeys keys = keys();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ResponseEntity<?>> first = pool.submit(() -> keys.answer(ALICE, "k", "POST /things", REQUEST, () -> {
                started.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return create.get();
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> keys.answer(ALICE, "k", "POST /things", REQUEST, create))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.code()).isEqualTo("idempotency-key-in-flight");
                    });
            assertThatThrownBy(() -> keys.answer(ALICE, "k", "POST /things", Map.of("seed", 2), create))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
            finish.countDown();
            assertThat(body(first.get(10, TimeUnit.SECONDS))).isEqualTo("{\"id\":1}");
        }
        assertThat(body(keys.answer(ALICE, "k", "POST /things", REQUEST, create))).isEqualTo("{\"id\":1}");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailureIsNotRemembered() {
        IdempotencyKeys keys = keys();
        assertThatThrownBy(() -> keys.answer(ALICE, "k", "POST /things", REQUEST, () -> {
            throw ApiException.quota("thing-quota", "too many things");
        })).isInstanceOf(ApiException.class);
        keys.answer(ALICE, "k", "POST /things", REQUEST, () -> ResponseEntity.status(429).body(Map.of("full", true)));
        assertThat(body(keys.answer(ALICE, "k", "POST /things", REQUEST, create))).isEqualTo("{\"id\":1}");
        assertThat(runs).hasValue(1);
    }

    @Test
    void answersAreForgottenAfterKeepForAndBeyondTheCountOldestFirst() {
        IdempotencyKeys keys = keys(2, "64KB", "16MB");
        keys.answer(ALICE, "k1", "POST /things", REQUEST, create);
        clock.move(Duration.ofHours(1));
        keys.answer(ALICE, "k2", "POST /things", REQUEST, create);
        keys.answer(ALICE, "k3", "POST /things", REQUEST, create);
        assertThat(body(keys.answer(ALICE, "k3", "POST /things", REQUEST, create))).isEqualTo("{\"id\":3}");
        assertThat(body(keys.answer(ALICE, "k2", "POST /things", REQUEST, create))).isEqualTo("{\"id\":2}");
        clock.move(Duration.ofHours(1));
        assertThat(body(keys.answer(ALICE, "k1", "POST /things", REQUEST, create))).as("the oldest, forgotten").isEqualTo("{\"id\":4}");

        clock.move(Duration.ofHours(23).plusSeconds(1));
        assertThat(body(keys.answer(ALICE, "k1", "POST /things", REQUEST, create))).as("24 h after it was remembered, kept")
                .isEqualTo("{\"id\":4}");
        assertThat(body(keys.answer(ALICE, "k3", "POST /things", REQUEST, create))).as("over 24 h ago, forgotten").isEqualTo("{\"id\":5}");
    }

    @Test
    void largeAnswersAreNotRememberedAndAllTogetherStayUnderTheirBytes() {
        IdempotencyKeys small = keys(10_000, "10B", "16MB");
        small.answer(ALICE, "k", "POST /things", REQUEST, () -> ResponseEntity.ok(Map.of("id", "more than ten bytes")));
        assertThat(body(small.answer(ALICE, "k", "POST /things", REQUEST, create))).isEqualTo("{\"id\":1}");

        int entry = IdempotencyKeys.ENTRY_OVERHEAD + "{\"id\":1}".length() + "k1".length() + "alice".length()
                + "/api/v1/things/1".length();
        IdempotencyKeys twoFit = keys(10_000, "64KB", (2 * entry + 1) + "B");
        twoFit.answer(ALICE, "k1", "POST /things", REQUEST, create);
        twoFit.answer(ALICE, "k2", "POST /things", REQUEST, create);
        twoFit.answer(ALICE, "k3", "POST /things", REQUEST, create);
        assertThat(body(twoFit.answer(ALICE, "k2", "POST /things", REQUEST, create))).isEqualTo("{\"id\":3}");
        assertThat(body(twoFit.answer(ALICE, "k1", "POST /things", REQUEST, create))).as("over the bytes, forgotten").isEqualTo("{\"id\":5}");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-01-31T09:30:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void rememberedAnswersCountInTheSessionsPoolAndAreNotRememberedWhenItIsFull() {
        MemoryPool sessions = new MemoryPool("sessions", 1000);
        IdempotencyKeys keys = keys(10_000, "64KB", "16MB", sessions);
        keys.answer(ALICE, "k1", "POST /things", REQUEST, create);
        long one = sessions.reserved();
        assertThat(one).isBetween((long) IdempotencyKeys.ENTRY_OVERHEAD, 1000L);
        assertThat(sessions.tryReserve(1000 - one)).isTrue();
        keys.answer(ALICE, "k2", "POST /things", REQUEST, create);
        assertThat(body(keys.answer(ALICE, "k2", "POST /things", REQUEST, create))).as("run again: not remembered").isEqualTo("{\"id\":3}");
        assertThat(body(keys.answer(ALICE, "k1", "POST /things", REQUEST, create))).as("still remembered").isEqualTo("{\"id\":1}");
        clock.move(Duration.ofHours(25));
        keys.answer(BOB, "k3", "POST /things", REQUEST, () -> ResponseEntity.badRequest().build());
        assertThat(sessions.reserved()).as("k1 forgotten and its bytes given back").isEqualTo(1000 - one);
    }
}
