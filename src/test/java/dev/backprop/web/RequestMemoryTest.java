package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.memory.Pools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * What one request holds while it runs — its parsed body, its results and temporaries — is drawn from the
 * requests pool: a request that alone needs more than the pool is a 413, one that finds the pool taken by
 * others a 503 with Retry-After, and either leaves the session as it was and the pool as it found it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.memory.requests=8MB"})
class RequestMemoryTest extends ApiTest {
    @Autowired
    Pools pools;

    @Test
    void aFactoryLargerThanThePoolIsRefused() {
        try (var s = api.session()) {
            JsonNode p = api.post(s.path() + "/ops?data=false", """
                    {"op": "zeros", "attrs": {"size": [4096, 4096]}, "out": "z"}""").problem(413, "request-memory");
            assertThat(p.get("detail").stringValue()).startsWith("the request would hold more than 8388608 bytes at once");
            s.get("z").problem(404, "tensor-not-found");
            assertThat(pools.requests().reserved()).isZero();
        }
    }

    @Test
    void aBatchThatAllocatesAgainAndAgainIsRefusedAsAWhole() {
        try (var s = api.session()) {
            api.post(s.path() + "/ops?data=false", """
                    {"op": "ones", "attrs": {"size": [1000, 1000]}, "out": "x"}""").expect(200);
            StringBuilder ops = new StringBuilder("{\"returns\": \"none\", \"ops\": [");
            for (int i = 0; i < 60; i++) ops.append(i == 0 ? "" : ", ").append("{\"op\": \"add\", \"inputs\": [\"x\", 1], \"out\": \"y\"}");
            JsonNode p = s.op(ops.append("]}").toString()).problem(413, "request-memory");
            assertThat(p.get("opIndex").intValue()).isEqualTo(2);
            s.get("y").problem(404, "tensor-not-found");
            s.op("""
                    {"op": "sum", "inputs": ["x"], "out": "total"}""").expect(200);
            assertThat(s.view("total").get("data").doubleValue()).isEqualTo(1_000_000.0);
        }
    }

    @Test
    void aPoolTakenByOthersAnswers503WithRetryAfter() {
        long others = pools.requests().capacity() - 1000;
        assertThat(pools.requests().tryReserve(others)).isTrue();
        try (var s = api.session()) {
            var r = api.post(s.path() + "/ops?data=false", """
                    {"op": "zeros", "attrs": {"size": [1000]}, "out": "z"}""");
            r.problem(503, "memory-saturated");
            assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            s.get("z").problem(404, "tensor-not-found");
        } finally {
            pools.requests().release(others);
        }
        assertThat(pools.requests().reserved()).isZero();
    }

    @Test
    void aBodyIsCountedAsItIsParsed() {
        try (var s = api.session()) {
            StringBuilder data = new StringBuilder("{\"name\": \"big\", \"data\": [0");
            for (int i = 1; i < 400_000; i++) data.append(",0");
            s.tensor(data.append("]}").toString()).problem(413, "request-memory");
            s.get("big").problem(404, "tensor-not-found");
            s.tensor("""
                    {"name": "small", "data": [1, 2, 3]}""").expect(201);
        }
        assertThat(pools.requests().reserved()).isZero();
    }
}
