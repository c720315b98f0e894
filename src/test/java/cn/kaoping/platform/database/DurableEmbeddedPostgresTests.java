package cn.kaoping.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL on a kept folder writes through to disk, and a restart after the application was killed
 * (its postmaster left running, holding the folder) takes the folder over instead of failing after 10 s.
 */
class DurableEmbeddedPostgresTests {

    @TempDir
    Path tmp;

    @Test
    void aRestartAfterKillMinusNineStopsTheOrphanedPostmasterAndKeepsEveryCommittedRow() throws Exception {
        Path dir = tmp.resolve("pg");
        long orphanPid = killChildLeavingItsPostgres(dir, 1);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        EmbeddedPostgresServer server = EmbeddedPostgresServer.durable(dir, 0, LogFactory.getLog(getClass()));
        try (var c = DriverManager.getConnection(server.jdbcUrl()); var s = c.createStatement()) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            var fsync = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')");
            fsync.next();
            assertThat(List.of(fsync.getString(1), fsync.getString(2))).containsExactly("on", "on");
            var rows = s.executeQuery("SELECT count(*) FROM acknowledged WHERE id = 1");
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        } finally {
            server.stop();
        }
        assertThat(Files.exists(dir.resolve("postmaster.pid"))).isFalse();
    }

    /** Runs {@link OrphanedPostgresChild}, kills it with SIGKILL once its row is committed; the postmaster's pid. */
    private static long killChildLeavingItsPostgres(Path dir, int row) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                OrphanedPostgresChild.class.getName(), dir.toString(), Integer.toString(row)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // the child's start-up log
            }
            assertThat(line).as("child started its PostgreSQL").isNotNull();
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
    }
}
