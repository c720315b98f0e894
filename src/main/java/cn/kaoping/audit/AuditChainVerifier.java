package cn.kaoping.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Checks the audit chain in plain Java over JDBC, without Spring and without trusting the database's
 * {@code audit_hash()} (someone able to edit rows can replace that function too): the hash of each row is
 * recomputed here exactly as V3's {@code audit_hash} defines it. Used by the application, the verify API and the
 * command {@code scripts/verify-audit.sh}.
 */
public final class AuditChainVerifier {

    public static final String GENESIS = "0".repeat(64);

    private AuditChainVerifier() {
    }

    /** Checks the first {@code count} rows and that the last of them has the hash {@code head}. */
    public static ChainCheck verify(Connection c, String head, long count) throws SQLException {
        String expectedHead = head == null ? "" : head.trim().toLowerCase();
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false); // PgJDBC streams with a fetch size only inside a transaction
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, prev_hash, hash, occurred_at, actor, action, entity_type, entity_id, summary,
                       before::text AS before, after::text AS after
                FROM audit_event ORDER BY id LIMIT ?""")) {
            ps.setLong(1, count);
            ps.setFetchSize(2000);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            HexFormat hex = HexFormat.of();
            String prev = GENESIS;
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    long id = rs.getLong("id");
                    String storedPrev = rs.getString("prev_hash");
                    String stored = rs.getString("hash");
                    if (!prev.equals(storedPrev)) {
                        return new ChainCheck(false, count, expectedHead, n, prev, id,
                                "第 " + id + " 条记录的前一哈希与链不符（记录被删除或插入）");
                    }
                    OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
                    long micros = ChronoUnit.MICROS.between(java.time.Instant.EPOCH, at.toInstant());
                    String text = String.join("|", storedPrev, Long.toString(micros), rs.getString("actor"),
                            rs.getString("action"), rs.getString("entity_type"), orEmpty(rs.getString("entity_id")),
                            orEmpty(rs.getString("summary")), orEmpty(rs.getString("before")),
                            orEmpty(rs.getString("after")));
                    String recomputed = hex.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
                    if (!recomputed.equals(stored)) {
                        return new ChainCheck(false, count, expectedHead, n, stored, id,
                                "第 " + id + " 条记录的内容与其哈希不符（记录被修改）");
                    }
                    prev = stored;
                }
            }
            if (n < count) {
                return new ChainCheck(false, count, expectedHead, n, n == 0 ? null : prev, null,
                        "审计日志只有 " + n + " 条记录，少于锚点的 " + count + " 条（最新的记录被删除）");
            }
            if (!prev.equals(expectedHead)) {
                return new ChainCheck(false, count, expectedHead, n, prev, null,
                        "第 " + count + " 条记录处的链头哈希与锚点不符（日志被修改后重新计算了哈希）");
            }
            return new ChainCheck(true, count, expectedHead, n, prev, null, null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (autoCommit) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
