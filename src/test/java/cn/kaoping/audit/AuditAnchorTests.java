package cn.kaoping.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchors (ADR 0010) catch the careful tampering the chain alone lets through: an edit whose hashes are recomputed
 * with the database's own audit_hash(), and the deletion of the newest rows. Each tampering runs in a transaction
 * that is rolled back, so the shared test database keeps its log.
 */
@IntegrationTest
class AuditAnchorTests {

    private static final long CHAIN_LOCK = 0x6b616f70696e67L;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditAnchors anchors;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anAnchorIsPublishedWithItsSignatureAndTheChainVerifiesAgainstIt() {
        AuditAnchor anchor = anchors.anchorNow().anchor();
        assertThat(anchor).isNotNull();
        assertThat(anchor.rowCount()).isPositive();
        assertThat(anchors.authentic(anchor.anchoredOn(), anchor.rowCount(), anchor.headHash(), anchor.mac())).isTrue();
        assertThat(anchors.verify(anchor.headHash(), anchor.rowCount()).valid()).isTrue();

        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/public/audit-anchors").body()).contains(anchor.headHash()).contains("审计日志锚点");
        assertThat(anonymous.get("/open-data/audit-anchors.csv").body())
                .contains(anchor.anchoredOn() + "," + anchor.rowCount() + "," + anchor.headHash() + "," + anchor.mac());
        assertThat(anonymous.get("/open-data/audit-anchors.json").body()).contains(anchor.mac());

        ApiClient city = ApiClient.as(port, "city_admin", Browserless.DEMO_PASSWORD);
        String ok = city.get("/api/v1/audit/verify?head=" + anchor.headHash() + "&count=" + anchor.rowCount()
                + "&date=" + anchor.anchoredOn() + "&mac=" + anchor.mac()).body();
        assertThat(ok).contains("\"valid\":true").contains("\"macValid\":true");
        String wrongHead = city.get("/api/v1/audit/verify?head=" + "ab".repeat(32) + "&count=" + anchor.rowCount())
                .body();
        assertThat(wrongHead).contains("\"valid\":false");
        assertThat(city.get("/api/v1/audit/verify?head=xyz&count=1").statusCode()).isEqualTo(400);
    }

    @Test
    void anEditWhoseHashesWereRecomputedWithTheDatabasesOwnFunctionFailsAgainstAnEarlierAnchor() {
        tamperAndRollBack(anchor -> {
            long target = jdbc.sql("SELECT id FROM audit_event ORDER BY id OFFSET :n LIMIT 1")
                    .param("n", anchor.rowCount() / 2).query(Long.class).single();
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
            jdbc.sql("UPDATE audit_event SET summary = '篡改后的摘要' WHERE id = :id").param("id", target).update();
            jdbc.sql("""
                    DO $$
                    DECLARE r record; prev char(64);
                    BEGIN
                        FOR r IN SELECT * FROM audit_event WHERE id >= %d ORDER BY id LOOP
                            prev := coalesce(prev, r.prev_hash);
                            UPDATE audit_event SET prev_hash = prev,
                                   hash = audit_hash(prev, r.occurred_at, r.actor, r.action, r.entity_type,
                                                     r.entity_id, r.summary, r.before, r.after)
                            WHERE id = r.id RETURNING hash INTO prev;
                        END LOOP;
                    END $$""".formatted(target)).update();

            assertThat(audit.firstBrokenLink()).as("the chain alone does not see it").isEmpty();
            ChainCheck check = anchors.verify(anchor.headHash(), anchor.rowCount());
            assertThat(check.valid()).isFalse();
            assertThat(check.problem()).contains("重新计算了哈希");
        });
    }

    @Test
    void deletingTheNewestRowsFailsAgainstAnEarlierAnchor() {
        tamperAndRollBack(anchor -> {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
            jdbc.sql("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event ORDER BY id DESC LIMIT 3)")
                    .update();

            assertThat(audit.firstBrokenLink()).as("the chain alone does not see it").isEmpty();
            ChainCheck check = anchors.verify(anchor.headHash(), anchor.rowCount());
            assertThat(check.valid()).isFalse();
            assertThat(check.rowsChecked()).isEqualTo(anchor.rowCount() - 3);
            assertThat(check.problem()).contains("最新的记录被删除");
        });
    }

    @Test
    void anEditLeftUnhashedIsFoundEvenWhenAuditHashIsReplacedToHideIt() {
        tamperAndRollBack(anchor -> {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
            long target = jdbc.sql("SELECT min(id) FROM audit_event").query(Long.class).single();
            jdbc.sql("UPDATE audit_event SET actor = '某人' WHERE id = :id").param("id", target).update();
            // a function that vouches for whatever is stored: the database's own check cannot be trusted
            jdbc.sql("""
                    CREATE OR REPLACE FUNCTION audit_hash(prev CHAR(64), occurred TIMESTAMPTZ, actor TEXT, action TEXT,
                        entity_type TEXT, entity_id TEXT, summary TEXT, before JSONB, after JSONB)
                    RETURNS CHAR(64) LANGUAGE sql AS $$
                        SELECT hash FROM audit_event e WHERE e.prev_hash = prev LIMIT 1 $$""").update();

            assertThat(audit.firstBrokenLink()).isEmpty();
            ChainCheck check = anchors.verify(anchor.headHash(), anchor.rowCount());
            assertThat(check.valid()).isFalse();
            assertThat(check.firstBadId()).isEqualTo(target);
        });
    }

    @Test
    void anAnchorRewrittenInTheDatabaseFailsItsSignature() {
        tamperAndRollBack(anchor -> {
            jdbc.sql("UPDATE audit_anchor SET row_count = row_count - 1 WHERE id = :id").param("id", anchor.id())
                    .update();
            Optional<AuditAnchors.AnchorCheck> check = anchors.checkLatest();
            assertThat(check).isPresent();
            assertThat(check.get().authentic()).isFalse();
            assertThat(check.get().valid()).isFalse();
        });
    }

    /** Anchors the log, lets the tampering run, and rolls everything back (DDL included). */
    private void tamperAndRollBack(Consumer<AuditAnchor> tampering) {
        new TransactionTemplate(transactions).executeWithoutResult((TransactionStatus tx) -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
            AuditAnchor anchor = anchors.anchorNow().anchor();
            assertThat(anchor).isNotNull();
            assertThat(anchor.rowCount()).isGreaterThan(6);
            tampering.accept(anchor);
            tx.setRollbackOnly();
        });
    }
}
