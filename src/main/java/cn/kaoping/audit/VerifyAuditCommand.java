package cn.kaoping.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

/**
 * {@code scripts/verify-audit.sh HEAD COUNT}: checks the audit chain against a published anchor straight over JDBC,
 * without starting the application (it can run beside a running instance). The database as the application finds
 * it: {@code KAOPING_DB_URL} (+ {@code KAOPING_DB_USER}, {@code KAOPING_DB_PASSWORD}) or the running embedded
 * server of {@code KAOPING_DATA_DIR}. Exit status 0 when the chain extends the anchor, 1 when not, 2 on bad use.
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].matches("[0-9a-fA-F]{64}") || !args[1].matches("\\d+")) {
            System.err.println("usage: scripts/verify-audit.sh HEAD_HASH ROW_COUNT");
            System.exit(2);
        }
        String url = System.getenv("KAOPING_DB_URL");
        Properties props = new Properties();
        if (url == null || url.isBlank()) {
            String dir = System.getenv().getOrDefault("KAOPING_DATA_DIR", "./data/postgres");
            Path pid = Path.of(dir, "postmaster.pid");
            if (!Files.exists(pid)) {
                System.err.println("no running embedded PostgreSQL in " + dir + " (set KAOPING_DB_URL)");
                System.exit(2);
            }
            url = "jdbc:postgresql://127.0.0.1:" + Files.readAllLines(pid).get(3).trim() + "/postgres";
            props.setProperty("user", "postgres");
        } else {
            props.setProperty("user", System.getenv().getOrDefault("KAOPING_DB_USER", "postgres"));
            String password = System.getenv("KAOPING_DB_PASSWORD");
            if (password != null && !password.isEmpty()) {
                props.setProperty("password", password);
            }
        }
        props.setProperty("readOnly", "true");
        try (Connection c = DriverManager.getConnection(url, props)) {
            ChainCheck check = AuditChainVerifier.verify(c, args[0], Long.parseLong(args[1]));
            if (check.valid()) {
                System.out.println("OK: the first " + check.count() + " rows of the audit log verify and end in "
                        + check.head());
                System.exit(0);
            }
            System.out.println("FAILED after " + check.rowsChecked() + " rows: " + check.problem()
                    + (check.actualHead() == null ? "" : " (head there: " + check.actualHead() + ")"));
            System.exit(1);
        }
    }
}
