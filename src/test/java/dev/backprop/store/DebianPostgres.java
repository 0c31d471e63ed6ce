package dev.backprop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server from Debian's {@code postgresql} package, made for one test class in a folder of its own and
 * run as the {@code postgres} user ({@code initdb} refuses root). {@code .ci/run} installs the package where it is
 * missing.
 */
public final class DebianPostgres implements AutoCloseable {
    private final Path bin;
    private final Path folder;
    private final int port;

    private DebianPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    public static DebianPostgres start() throws IOException {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("backprop-postgres");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DebianPostgres server = new DebianPostgres(bin, folder, port);
        if (isRoot()) run(List.of("chown", "postgres:postgres", folder.toString()));
        server.asPostgres(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8");
        server.startAgain();
        return server;
    }

    /** Starts the server (again, after {@link #stopImmediately}) on the same files and port. */
    public void startAgain() {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l", folder.resolve("log").toString(),
                "-w", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** {@code pg_ctl stop -m immediate}: the server stops as if it crashed. */
    public void stopImmediately() {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser("postgres");
        return ds;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(folder.resolve("data/postmaster.pid"))) {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "fast", "-w", "stop");
        }
        Folders.delete(folder);
    }

    /** Runs {@code command} as the {@code postgres} user, in the server's folder (which that user may enter). */
    private void asPostgres(String... command) {
        List<String> line = new ArrayList<>();
        if (isRoot()) line.addAll(List.of("runuser", "-u", "postgres", "--"));
        line.addAll(List.of(command));
        run(line, folder);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("these tests need Debian's postgresql package (apt-get install postgresql; .ci/run does)");
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + lib + ": apt-get install postgresql"));
        }
    }

    private static void run(List<String> command) {
        run(command, null);
    }

    private static void run(List<String> command, Path directory) {
        try {
            Process p = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
