package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Clients that send their bodies slowly hold neither the workers nor the other clients: while 250 of them
 * trickle bodies in 2 bytes at a time, another client's requests are served at once, and each slow body is
 * cut off with 408 once its read deadline has passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "backprop.limits.body-read-timeout=5s",
        "server.tomcat.connection-timeout=5s"})
class SlowClientTest extends ApiTest {
    private static final int SLOW_CLIENTS = 250;
    private static final long BODY_TIMEOUT_MS = 5000;
    private static final long SILENCE_TIMEOUT_MS = 5000;
    private static final Duration TRICKLE_EVERY = Duration.ofMillis(250);
    private static final int BODY_BYTES = 200;

    /** A POST whose body goes out in pieces, and the whole answer to it, read as it arrives. */
    private static final class SlowPost {
        final Socket socket;
        final byte[] body;
        final long startedAt = System.nanoTime();
        final AtomicInteger sent = new AtomicInteger();
        volatile long answeredAt;
        volatile long closedAt;
        volatile byte[] answer;
        volatile IOException failure;
        volatile ScheduledFuture<?> trickle;

        SlowPost(int port, String path, byte[] body) throws IOException {
            this.socket = new Socket("127.0.0.1", port);
            this.body = body;
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread.ofVirtual().start(this::readAnswer);
        }

        /** Sends the next two bytes of the body, unless an answer has come. */
        void sendTwo() {
            int from = sent.get();
            if (answeredAt != 0 || from >= body.length) {
                trickle.cancel(false);
                return;
            }
            try {
                socket.getOutputStream().write(body, from, 2);
                sent.addAndGet(2);
            } catch (IOException closed) {
                trickle.cancel(false);
            }
        }

        private void readAnswer() {
            try (socket) {
                InputStream in = socket.getInputStream();
                int first = in.read();
                answeredAt = System.nanoTime();
                byte[] rest = in.readAllBytes();
                byte[] all = new byte[rest.length + 1];
                all[0] = (byte) first;
                System.arraycopy(rest, 0, all, 1, rest.length);
                closedAt = System.nanoTime();
                answer = all;
            } catch (IOException e) {
                failure = e;
            }
        }

        boolean over() {
            return answer != null || failure != null;
        }

        long millisToAnswer() {
            return (answeredAt - startedAt) / 1_000_000;
        }

        long millisFromAnswerToClose() {
            return (closedAt - answeredAt) / 1_000_000;
        }
    }

    /** A JSON op padded with spaces to {@code BODY_BYTES}, so that it takes far longer than the deadline to send. */
    private static byte[] paddedOp() {
        String op = """
                {"op": "add", "inputs": ["w", 1], "out": "y"}""";
        return (op + " ".repeat(BODY_BYTES - op.length())).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void twoHundredFiftySlowBodiesDoNotDelayOtherClientsAndEachIsCutOffWith408() throws Exception {
        try (var victim = api.session(); ScheduledExecutorService clock = Executors.newScheduledThreadPool(2)) {
            victim.tensor("{\"name\": \"w\", \"data\": [1.0]}").expect(201);
            List<SlowPost> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                SlowPost post = new SlowPost(port, "/api/v1" + victim.path() + "/ops", paddedOp());
                post.trickle = clock.scheduleAtFixedRate(post::sendTwo, TRICKLE_EVERY.toMillis(), TRICKLE_EVERY.toMillis(),
                        TimeUnit.MILLISECONDS);
                slow.add(post);
            }
            await().atMost(Duration.ofSeconds(3)).until(() -> slow.stream().allMatch(p -> p.sent.get() >= 4));

            long started = System.nanoTime();
            try (var s = api.session()) {
                s.tensor("""
                        {"name": "a", "data": [1.0, 2.0, 3.0], "requiresGrad": true}""").expect(201);
                s.tensor("""
                        {"name": "b", "data": [4.0, 5.0, 6.0]}""").expect(201);
                JsonNode c = s.op("""
                        {"ops": [{"op": "mul", "inputs": ["a", "b"], "out": "c"}, {"op": "sum", "inputs": ["c"], "out": "loss"}]}""")
                        .expect(200).json();
                assertThat(c.get("results").get(1).get("data").doubleValue()).isEqualTo(32.0);
                s.backward("""
                        {"tensors": ["loss"]}""").expect(200);
                assertThat(Api.floats(s.view("a").get("grad"))).containsExactly(4f, 5f, 6f);
            }
            long servedInMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(slow).as("slow bodies still being read while the other client was served").allMatch(p -> p.answeredAt == 0);
            assertThat(servedInMs).as("ms to serve the other client's requests").isLessThan(3000);

            await().atMost(Duration.ofSeconds(20)).until(() -> slow.stream().allMatch(SlowPost::over));
            for (SlowPost post : slow) {
                assertThat(post.failure).isNull();
                assertThat(post.millisToAnswer()).as("ms to the answer; the whole body would take 25 s")
                        .isBetween(BODY_TIMEOUT_MS, BODY_TIMEOUT_MS + 5000);
                assertThat(post.sent.get()).isLessThan(BODY_BYTES);
                assertThat(post.millisFromAnswerToClose()).as("ms from the answer to the end of the connection").isLessThan(2000);
                Api.Response answer = RawAnswer.parse(post.answer);
                assertThat(answer.problem(408, "body-timeout").get("detail").stringValue())
                        .isEqualTo("the request body did not arrive within 5000 ms");
                assertThat(answer.headers().firstValue("Connection")).contains("close");
            }
            assertThat(victim.list().expect(200).json()).as("the session the slow bodies were for").hasSize(1);
        }
    }

    @Test
    void aClientThatFallsSilentMidBodyIsCutOffAfterTheReadTimeout() throws Exception {
        try (var victim = api.session()) {
            SlowPost silent = new SlowPost(port, "/api/v1" + victim.path() + "/ops", paddedOp());
            silent.socket.getOutputStream().write(silent.body, 0, 10);
            await().atMost(Duration.ofSeconds(15)).until(silent::over);
            assertThat(silent.failure).isNull();
            assertThat(silent.millisToAnswer()).isBetween(SILENCE_TIMEOUT_MS, SILENCE_TIMEOUT_MS + 3000);
            Api.Response answer = RawAnswer.parse(silent.answer).expect(408);
            assertThat(answer.headers().firstValue("Connection")).contains("close");
            assertThat(silent.millisFromAnswerToClose()).isLessThan(2000);
        }
    }
}
