package cn.kaoping.platform.database;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.apache.commons.logging.LogFactory;

/**
 * Run in a child JVM by {@link DurableEmbeddedPostgresTests}: starts a durable embedded PostgreSQL, commits one
 * row, prints its port and then waits to be killed, leaving the postmaster behind as a killed application does.
 */
public final class OrphanedPostgresChild {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.durable(Path.of(args[0]), 0,
                LogFactory.getLog(OrphanedPostgresChild.class));
        try (var c = DriverManager.getConnection(server.jdbcUrl()); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS acknowledged (id int PRIMARY KEY)");
            s.execute("INSERT INTO acknowledged VALUES (" + args[1] + ")");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
