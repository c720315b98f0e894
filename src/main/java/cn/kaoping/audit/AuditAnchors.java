package cn.kaoping.audit;

import cn.kaoping.audit.internal.AnchorKey;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors of the audit chain (ADR 0010): every day and on demand the head hash, its row count and date are stored
 * with an HMAC and published on the public site and as open data; anyone holding a published anchor can check
 * that the log still extends it, which catches an edit whose hashes were recomputed and a deletion of the newest
 * rows, both of which the chain alone cannot show.
 */
@Service
public class AuditAnchors {

    private static final Log log = LogFactory.getLog(AuditAnchors.class);
    private static final long CHAIN_LOCK = 0x6b616f70696e67L; // AuditLog's: no append between count and head

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AnchorKey key;
    private final Clock clock;

    AuditAnchors(JdbcClient jdbc, DataSource dataSource, AnchorKey key, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Anchors the chain as it is now, after checking it from the first row: a broken chain is not anchored (that
     * would vouch for the tampering); the failed check is returned instead.
     */
    @Transactional
    public Anchoring anchorNow() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
        long count = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        String head = jdbc.sql("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").query(String.class)
                .optional().orElse(AuditChainVerifier.GENESIS);
        ChainCheck check = verify(head, count);
        if (!check.valid()) {
            log.error("Audit chain not anchored: " + check.problem());
            return new Anchoring(null, check);
        }
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String mac = key.mac(AuditAnchor.message(today, count, head));
        long id = jdbc.sql("""
                INSERT INTO audit_anchor (anchored_on, row_count, head_hash, mac, created_at)
                VALUES (:on, :count, :head, :mac, :at) RETURNING id""")
                .param("on", today).param("count", count).param("head", head).param("mac", mac).param("at", now)
                .query(Long.class).single();
        return new Anchoring(new AuditAnchor(id, today, count, head, mac, now), check);
    }

    /** The anchor made (null when the chain was broken) and the check that preceded it. */
    public record Anchoring(AuditAnchor anchor, ChainCheck check) {
    }

    /** Published anchors, newest first. */
    @Transactional(readOnly = true)
    public List<AuditAnchor> anchors(int limit) {
        return jdbc.sql("""
                SELECT id, anchored_on, row_count, head_hash, mac, created_at FROM audit_anchor
                ORDER BY id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new AuditAnchor(rs.getLong("id"), rs.getObject("anchored_on", LocalDate.class),
                        rs.getLong("row_count"), rs.getString("head_hash"), rs.getString("mac"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public Optional<AuditAnchor> latest() {
        return anchors(1).stream().findFirst();
    }

    /** Whether the MAC is the one this installation's key gives the anchor's date, count and head. */
    public boolean authentic(LocalDate anchoredOn, long count, String head, String mac) {
        if (mac == null || head == null) {
            return false;
        }
        String expected = key.mac(AuditAnchor.message(anchoredOn, count, head.trim().toLowerCase()));
        return MessageDigest.isEqual(expected.getBytes(), mac.trim().toLowerCase().getBytes());
    }

    /** Checks the chain's first {@code count} rows against a published head (see {@link AuditChainVerifier}). */
    @Transactional(readOnly = true)
    public ChainCheck verify(String head, long count) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            return AuditChainVerifier.verify(c, head, count);
        } catch (SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("audit chain check failed", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Checks the latest stored anchor: its MAC (a forged or altered anchor row fails) and the chain against it.
     * Empty when nothing was anchored yet.
     */
    @Transactional(readOnly = true)
    public Optional<AnchorCheck> checkLatest() {
        return latest().map(a -> {
            boolean authentic = authentic(a.anchoredOn(), a.rowCount(), a.headHash(), a.mac());
            return new AnchorCheck(a, authentic, authentic ? verify(a.headHash(), a.rowCount())
                    : new ChainCheck(false, a.rowCount(), a.headHash(), 0, null, null,
                    "锚点 " + a.id() + " 的签名（HMAC）无效：锚点被伪造或修改"));
        });
    }

    public record AnchorCheck(AuditAnchor anchor, boolean authentic, ChainCheck chain) {
        public boolean valid() {
            return authentic && chain.valid();
        }
    }
}
