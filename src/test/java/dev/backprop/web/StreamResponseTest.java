package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class StreamResponseTest {
    @Test
    void writesGoThroughUntilTheRequestEndsAndFailAfterIt() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StreamResponse out = new StreamResponse(body);
        out.write("id: 1\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        out.onError(null);
        assertThatThrownBy(() -> out.write('x')).isInstanceOf(IOException.class).hasMessage("the event stream's request is over");
        assertThatThrownBy(out::flush).isInstanceOf(IOException.class);
        assertThat(body.toString(StandardCharsets.US_ASCII)).isEqualTo("id: 1\n");
    }

    @Test
    void theEndOfTheRequestInterruptsItsWaitingWriter() throws Exception {
        StreamResponse out = new StreamResponse(new ByteArrayOutputStream());
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Thread writer = Thread.ofVirtual().unstarted(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) LockSupport.parkNanos(deadline - System.nanoTime());
            interrupted.complete(Thread.currentThread().isInterrupted());
        });
        out.writtenBy(writer);
        writer.start();
        out.onComplete(null);
        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
