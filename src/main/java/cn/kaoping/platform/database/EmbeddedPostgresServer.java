package cn.kaoping.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One embedded PostgreSQL: durable ({@code fsync} and {@code synchronous_commit} on) when it keeps its data in a
 * folder, fast and unsafe when the folder is thrown away (tests). Before starting on a kept folder it stops a
 * postmaster left running by an application that was killed ({@code kill -9}), so a restart never fails with
 * "Gave up waiting for server to start".
 */
public final class EmbeddedPostgresServer {

    private static final Log log = LogFactory.getLog(EmbeddedPostgresServer.class);
    private static final String LIBRARY_LOCK = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stoppedLatch = new CountDownLatch(1);

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** A throw-away server in a temporary folder, stopped and deleted by the library's JVM shutdown hook. */
    static EmbeddedPostgresServer throwAway(int port) {
        EmbeddedPostgres.Builder builder = common(port)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        try {
            return new EmbeddedPostgresServer(builder.start(), null);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * A durable server on a kept folder. Nothing stops it by itself: {@link EmbeddedPostgresLifecycle} stops it
     * after the application context has closed (see ADR 0010).
     */
    static EmbeddedPostgresServer durable(Path dataDir, int port, Log startLog) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            stopOrphanedPostmaster(dir, startLog);
            // zonky passes "-F" (fsync off) and synchronous_commit=off by default; "-c" settings come after "-F" on
            // the postmaster's command line, so these win
            EmbeddedPostgres.Builder builder = common(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false);
            startLog.info("Starting embedded PostgreSQL (fsync on) with data in " + dir);
            return new EmbeddedPostgresServer(builder.start(), dir);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static EmbeddedPostgres.Builder common(int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("timezone", "Asia/Shanghai")
                // crash recovery after a kill can take longer than the library's 10 s
                .setPGStartupWait(Duration.ofSeconds(120));
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("无法启动内置 PostgreSQL（Could not start the embedded PostgreSQL）: "
                + e.getMessage(), e);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    boolean durable() {
        return dataDir != null;
    }

    /** Stops the postmaster (fast mode: open sessions are ended, committed work is on disk). Idempotent. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)
                    + " ms");
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            stoppedLatch.countDown();
        }
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stoppedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isStopped() {
        return stopped.get();
    }

    /**
     * A postmaster whose {@code postmaster.pid} names a live process, while no other JVM holds the library's lock on
     * the folder, was left by a killed application: shut it down (fast, then immediate) so this start owns the
     * folder. A folder locked by a live application is refused rather than taken over.
     */
    static void stopOrphanedPostmaster(Path dir, Log log) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = dir.resolve(LIBRARY_LOCK);
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile());
             FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("数据目录正被另一个运行中的考评实例使用（the data folder " + dir
                        + " is in use by another running Kaoping）");
            }
        }
        Optional<ProcessHandle> postmaster = postmasterOf(pidFile);
        if (postmaster.isEmpty()) {
            return; // a stale file: PostgreSQL itself starts over it
        }
        ProcessHandle process = postmaster.get();
        log.warn("Found the embedded PostgreSQL (pid " + process.pid() + ") of an application that ended without "
                + "stopping it; stopping it before starting anew");
        long t0 = System.nanoTime();
        signal(process, "INT"); // fast shutdown: rolls back open transactions, writes a checkpoint
        if (!waitForExit(process, Duration.ofSeconds(30))) {
            signal(process, "QUIT"); // immediate: crash recovery at the next start, committed work is in the WAL
            if (!waitForExit(process, Duration.ofSeconds(10))) {
                process.destroyForcibly();
                waitForExit(process, Duration.ofSeconds(5));
            }
        }
        log.warn("The orphaned PostgreSQL stopped in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
    }

    private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // a pid reused by an unrelated process after a reboot must not be signalled
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
