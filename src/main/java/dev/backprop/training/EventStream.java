package dev.backprop.training;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Writes a job's events to one subscriber as {@code text/event-stream}: {@code retry:} first, then every
 * event after the subscriber's last id, then each new one until the terminal status.
 *
 * <p>The subscriber's thread reads the log without locks and sleeps until the {@link EventTicker} finds new
 * events for it (or the job ends): whatever arrived meanwhile goes out in one flush, written straight from
 * the bytes each event was rendered to once for all subscribers. The job never waits for a subscriber. A
 * subscriber that does not take what is written to it holds only its own thread; once more than
 * {@code buffer} events have arrived while one write to it was pending, it is disconnected and can resume
 * with {@code Last-Event-ID}.
 */
public final class EventStream {
    /** How the stream ended. */
    public enum End {
        /** The terminal status was written. */
        COMPLETE,
        /** The subscriber fell more than the buffer behind during a write. */
        FELL_BEHIND
    }

    static final long RETRY_MS = 2000;
    private static final byte[] RETRY = ("retry: " + RETRY_MS + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventLog log;
    private final EventTicker ticker;
    private final long heartbeatNanos;
    private final int buffer;

    EventStream(EventLog log, EventTicker ticker, Duration heartbeat, int buffer) {
        this.log = log;
        this.ticker = ticker;
        this.heartbeatNanos = heartbeat.toNanos();
        this.buffer = buffer;
    }

    /** Whether a subscriber whose last event is {@code lastId} has had the terminal one: nothing more will come. */
    public boolean isOverFor(long lastId) {
        return log.isClosed() && lastId >= log.lastId();
    }

    /**
     * Writes the events after {@code lastId} to {@code out} until the terminal one (or until the subscriber
     * falls behind). An {@link IOException} means the subscriber went away.
     */
    public End writeTo(OutputStream out, long lastId) throws IOException, InterruptedException {
        ticker.opened(log);
        try {
            return write(out, lastId);
        } finally {
            ticker.closed();
        }
    }

    private End write(OutputStream out, long lastId) throws IOException, InterruptedException {
        long last = lastId;
        out.write(RETRY);
        boolean pending = true;
        long quietSince = System.nanoTime();
        while (true) {
            boolean closed = log.isClosed();
            long written = log.writeAfter(last, out);
            boolean wrote = written != last;
            last = written;
            if (wrote || pending) {
                out.flush();
                pending = false;
                quietSince = System.nanoTime();
                if (log.lastId() - last > buffer) {
                    return End.FELL_BEHIND;
                }
            } else if (System.nanoTime() - quietSince >= heartbeatNanos) {
                out.write(HEARTBEAT);
                out.flush();
                quietSince = System.nanoTime();
            }
            if (closed && last >= log.lastId()) {
                return End.COMPLETE;
            }
            log.await(last, Math.max(1, heartbeatNanos - (System.nanoTime() - quietSince)));
        }
    }
}
