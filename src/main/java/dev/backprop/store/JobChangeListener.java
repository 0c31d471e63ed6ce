package dev.backprop.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's {@code LISTEN} on one channel, on a connection of its own and a thread of its own: each notification's
 * payload goes to a consumer as it arrives. A lost connection is opened again (a second later at the soonest), and
 * the consumer then gets null: notifications sent meanwhile are lost.
 */
final class JobChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobChangeListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> changed;
    private final Thread thread;
    private volatile boolean closed;

    private JobChangeListener(DataSource dataSource, String channel, Consumer<String> changed) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.changed = changed;
        this.thread = Thread.ofPlatform().name("job-listener").daemon().unstarted(this::loop);
    }

    static JobChangeListener start(DataSource dataSource, String channel, Consumer<String> changed) {
        JobChangeListener listener = new JobChangeListener(dataSource, channel, changed);
        listener.thread.start();
        return listener;
    }

    private void loop() {
        boolean first = true;
        while (!closed) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
                if (!first) changed.accept(null);
                first = false;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications == null) continue;
                    for (PGNotification n : notifications) changed.accept(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                log.debug("listening for job changes failed; listening again shortly", e);
                first = false;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
