package cn.kaoping.platform.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
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
 * context of a test run shares it. An empty data directory means a throw-away server in a temporary folder (fsync
 * off, for speed); a kept data directory means a durable server, stopped after the application's beans.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final Map<String, EmbeddedPostgresServer> servers = new ConcurrentHashMap<>();

    private final Log log;

    /** Logging starts after environment post-processing: the deferred log is replayed once it has. */
    public EmbeddedPostgresEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgresServer.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("kaoping.db.url"))
                || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        String dataDir = environment.getProperty("kaoping.db.embedded.data-dir", "");
        int port = environment.getProperty("kaoping.db.embedded.port", Integer.class, 0);
        EmbeddedPostgresServer server = servers.computeIfAbsent(dataDir, dir -> StringUtils.hasText(dir)
                ? EmbeddedPostgresServer.durable(Path.of(dir), port, log)
                : EmbeddedPostgresServer.throwAway(port));
        if (server.durable()) {
            // stopped after the context's beans (web, jobs, event registry, pool), not by a JVM hook racing them
            application.addInitializers(context -> EmbeddedPostgresLifecycle.register(context, server,
                    () -> servers.remove(dataDir, server)));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("kaoping-embedded-postgres", Map.of(
                "spring.datasource.url", server.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
