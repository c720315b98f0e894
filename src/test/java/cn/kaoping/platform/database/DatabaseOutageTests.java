package cn.kaoping.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.KaopingApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped under a running application: requests answer 503 in Chinese within the pool's connection
 * timeout (no hang, no 500), and once PostgreSQL is back the pool recovers by itself. A second application on a
 * PostgreSQL of its own, so the shared test database stays up.
 */
class DatabaseOutageTests {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answers503WhilePostgresIsDownAndRecoversWithoutARestart() throws Exception {
        Path dir = tmp.resolve("pg");
        EmbeddedPostgresServer db = EmbeddedPostgresServer.durable(dir, 0, LogFactory.getLog(getClass()));
        int pgPort = db.port();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KaopingApplication.class).run(
                "--spring.datasource.url=" + db.jdbcUrl(), "--kaoping.db.url=", "--server.port=0",
                "--server.shutdown=immediate", "--kaoping.demo.enabled=false",
                "--kaoping.account.admin-password=Outage-Test-2026",
                "--kaoping.audit.key=outage-test-audit-anchor-key-0123456789",
                "--spring.datasource.hikari.connection-timeout=3000", "--spring.datasource.hikari.maximum-pool-size=4");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/public/rankings").statusCode()).isEqualTo(200);

            db.stop();
            long t0 = System.nanoTime();
            HttpResponse<String> page = get(port, "/public/rankings");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("服务暂时不可用").contains("没有保存");
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> api = send(port, HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Outage-Test-2026\"}")));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"status\":503").contains("服务暂时不可用");
            assertThat(get(port, "/s/no-such-link").statusCode()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("three requests, none hangs")
                    .isLessThan(Duration.ofSeconds(30));

            db = EmbeddedPostgresServer.durable(dir, pgPort, LogFactory.getLog(getClass()));
            HttpResponse<String> again = get(port, "/public/rankings");
            for (int i = 0; i < 20 && again.statusCode() != 200; i++) {
                again = get(port, "/public/rankings"); // the pool replaces its broken connections as they are used
            }
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(send(port, HttpRequest.newBuilder(URI.create(base(port) + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"Outage-Test-2026\"}"))).statusCode())
                    .isEqualTo(200);
        } finally {
            app.close();
            db.stop();
        }
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return send(port, HttpRequest.newBuilder(URI.create(base(port) + path)).GET());
    }

    private HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
