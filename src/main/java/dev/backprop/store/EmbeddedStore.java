package dev.backprop.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * A PostgreSQL server that the service runs as a child process, its files under a folder that outlives the
 * process (the binaries come from Maven Central's {@code io.zonky.test} packages), so that the quick start needs
 * no server and speaks the same SQL as production.
 */
public final class EmbeddedStore implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedStore(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on {@code folder}/postgres, creating it on first use and keeping what is there. A server
     * left running by a service that was killed (its process outlives the JVM that started it) is stopped first.
     */
    public static EmbeddedStore start(Path folder) {
        try {
            Path data = folder.resolve("postgres");
            Files.createDirectories(data);
            stopOrphan(data);
            return new EmbeddedStore(EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded job store did not start in " + folder.toAbsolutePath(), e);
        }
    }

    /**
     * Stops the server whose pid {@code postmaster.pid} names, if it still runs: SIGTERM, PostgreSQL's smart
     * shutdown, which ends at once because the clients died with their JVM.
     */
    private static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (RuntimeException unreadable) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) return;
        server.get().destroy();
        try {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server left running in " + data, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the server left running in " + data + " (pid " + pid + ") did not stop", e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
