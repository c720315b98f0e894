package cn.kaoping.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * scripts/backup.sh and scripts/restore.sh: a backup of the demo city restored into an empty database has every
 * table's rows, an audit chain that verifies and the stored photo's bytes. Needs pg_dump of the server's major
 * version or newer on PATH (or PG_BIN): Debian 12's is 15, so this runs under scripts/test-on-postgres15.sh and is
 * skipped against the embedded PostgreSQL 17.
 */
@IntegrationTest
class BackupRestoreTests {

    private static final String RESTORED = "kaoping_restore_test";

    private final FileStore files;
    private final String url;
    private final String user;
    private final String password;

    @TempDir
    Path tmp;

    BackupRestoreTests(@Autowired FileStore files, @Autowired Environment env) {
        this.files = files;
        this.url = env.getRequiredProperty("spring.datasource.url");
        this.user = env.getProperty("spring.datasource.username", "postgres");
        this.password = env.getProperty("spring.datasource.password", "");
    }

    @Test
    void aRestoredBackupHasEveryRowTheAuditChainAndThePhotoBytes() throws Exception {
        byte[] photo = Files.readAllBytes(Path.of("docs/images/estate-search.png"));
        StoredFile stored = files.store(photo, "现场照片.png", "street_df", UploadPolicy.photos(10));
        try (Connection source = connect(url)) {
            assumeDumpCanRead(source);
            // the backup and the expected counts from one snapshot, while the application keeps running
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot = single(source, "SELECT pg_export_snapshot()");
            Map<String, Long> expected = rowCounts(source);
            Path dump = tmp.resolve("kaoping.dump");
            run(Map.of("KAOPING_DB_URL", url, "PG_DUMP_OPTS", "--snapshot=" + snapshot), "scripts/backup.sh",
                    dump.toString());
            source.commit();
            try (var s = source.createStatement()) {
                source.setAutoCommit(true);
                s.execute("DROP DATABASE IF EXISTS " + RESTORED);
                s.execute("CREATE DATABASE " + RESTORED + " ENCODING 'UTF8' TEMPLATE template0");
            }
            String restoredUrl = url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + RESTORED);
            try {
                run(Map.of("KAOPING_DB_URL", restoredUrl), "scripts/restore.sh", dump.toString());
                try (Connection restored = connect(restoredUrl)) {
                    assertThat(rowCounts(restored)).isEqualTo(expected);
                    assertThat(expected.get("audit_event")).isPositive();
                    assertThat(single(restored, """
                            SELECT count(*) FROM (
                                SELECT hash, prev_hash, lag(hash, 1, repeat('0', 64)) OVER (ORDER BY id) AS expected_prev,
                                       audit_hash(prev_hash, occurred_at, actor, action, entity_type, entity_id, summary,
                                                  before, after) AS recomputed
                                FROM audit_event) chain
                            WHERE prev_hash <> expected_prev OR hash <> recomputed""")).isEqualTo("0");
                    try (var ps = restored.prepareStatement("SELECT content FROM stored_file WHERE id = ?")) {
                        ps.setObject(1, stored.id());
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getBytes(1)).isEqualTo(photo);
                        }
                    }
                }
            } finally {
                try (var s = source.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + RESTORED + " WITH (FORCE)");
                }
            }
        }
    }

    private void assumeDumpCanRead(Connection source) throws Exception {
        int server = Integer.parseInt(single(source, "SHOW server_version_num")) / 10000;
        int client;
        try {
            Process p = new ProcessBuilder(tool("pg_dump"), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            client = Integer.parseInt(out.replaceAll(".* (\\d+)(\\.\\d+)?.*\\s*", "$1").trim());
        } catch (IOException | NumberFormatException e) {
            client = 0;
        }
        Assumptions.assumeTrue(client >= server, "pg_dump " + client + " cannot dump PostgreSQL " + server
                + " (run scripts/test-on-postgres15.sh)");
    }

    private static String tool(String name) {
        String bin = System.getenv("PG_BIN");
        return bin == null || bin.isBlank() ? name : bin + "/" + name;
    }

    private void run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("KAOPING_DB_USER", user);
        pb.environment().put("KAOPING_DB_PASSWORD", password == null ? "" : password);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.println(out);
        assertThat(p.exitValue()).as(out).isZero();
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, props);
    }

    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var s = c.createStatement();
             ResultSet tables = s.executeQuery(
                     "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String t : names) {
                counts.put(t, Long.parseLong(single(c, "SELECT count(*) FROM \"" + t + "\"")));
            }
        }
        return counts;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
