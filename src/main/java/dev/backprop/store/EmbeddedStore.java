package dev.backprop.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Starts the server on {@code folder}/postgres, creating it on first use and keeping what is there. */
    public static EmbeddedStore start(Path folder) {
        try {
            Path data = folder.resolve("postgres");
            Files.createDirectories(data);
            return new EmbeddedStore(EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded job store did not start in " + folder.toAbsolutePath(), e);
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
