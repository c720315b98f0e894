package cn.kaoping.ranking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.IntegrationTest;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows written with COPY read back exactly as they were, whatever characters the names contain. */
@IntegrationTest
class CopyRowTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void awkwardTextDecimalsDatesNullsAndArraysSurviveTheRoundTrip() {
        String name = "东风\t小区 \\ 一期\n\"南\",{区}\r";
        BigDecimal score = new BigDecimal("99.95");
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 22, 9, 30, 15, 123_456_000, ZoneOffset.ofHours(8));
        StringBuilder rows = new StringBuilder();
        new CopyRow(rows).add(1L).add(name).add(score).add(LocalDate.of(2026, 3, 31)).add(at).add(null).add(true)
                .addArray(List.of("2026-Q1", "a\"b,c")).end();
        new CopyRow(rows).add(2L).add("").add(new BigDecimal("1E+2")).add(null).add(null).add(7).add(false)
                .addArray(List.of()).end();

        Map<String, Object> first = tx.execute(status -> {
            jdbc.execute("""
                    CREATE TEMP TABLE copy_probe (id BIGINT, name TEXT, score NUMERIC(7, 2), day DATE, at TIMESTAMPTZ,
                        n INT, ok BOOLEAN, periods TEXT[]) ON COMMIT DROP""");
            long written = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
                try {
                    return c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY copy_probe FROM STDIN", new StringReader(rows.toString()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(written).isEqualTo(2);
            Map<String, Object> second = jdbc.queryForMap(
                    "SELECT name, score::text AS score, day, n, ok, cardinality(periods) AS k FROM copy_probe WHERE id = 2");
            assertThat(second).containsEntry("name", "").containsEntry("score", "100.00").containsEntry("n", 7)
                    .containsEntry("ok", false).containsEntry("k", 0);
            assertThat(second.get("day")).isNull();
            return jdbc.queryForMap("""
                    SELECT name, score::text AS score, day::text AS day, at = '2026-11-22 09:30:15.123456+08' AS same_at,
                           n, ok, periods[1] AS p1, periods[2] AS p2 FROM copy_probe WHERE id = 1""");
        });

        assertThat(first).containsEntry("name", name).containsEntry("score", "99.95")
                .containsEntry("day", "2026-03-31").containsEntry("same_at", true).containsEntry("ok", true)
                .containsEntry("p1", "2026-Q1").containsEntry("p2", "a\"b,c");
        assertThat(first.get("n")).isNull();
    }
}
