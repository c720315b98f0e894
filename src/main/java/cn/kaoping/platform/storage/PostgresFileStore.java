package cn.kaoping.platform.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The default file store: the bytes in the {@code stored_file} table, next to the data that refers to them. */
@Component
class PostgresFileStore implements FileStore {

    private static final RowMapper<StoredFile> FILE = (rs, i) -> new StoredFile(rs.getObject("id", UUID.class),
            rs.getString("sha256"), rs.getString("content_type"), rs.getLong("size_bytes"),
            rs.getString("original_name"), rs.getString("uploaded_by"),
            rs.getObject("uploaded_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final Clock clock;

    PostgresFileStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoredFile store(byte[] content, String originalName, String uploadedBy, UploadPolicy policy) {
        String type = policy.check(content);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String name = originalName == null ? null : originalName.strip();
        jdbc.sql("""
                INSERT INTO stored_file (id, sha256, content_type, size_bytes, original_name, uploaded_by, uploaded_at,
                                         content)
                VALUES (:id, :sha, :type, :size, :name, :by, :at, :content)""")
                .param("id", id).param("sha", sha256(content)).param("type", type).param("size", content.length)
                .param("name", name == null || name.isEmpty() ? null : name).param("by", uploadedBy)
                .param("at", now).param("content", content).update();
        return find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("""
                SELECT id, sha256, content_type, size_bytes, original_name, uploaded_by, uploaded_at
                FROM stored_file WHERE id = :id""").param("id", id).query(FILE).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("SELECT content FROM stored_file WHERE id = :id").param("id", id)
                .query((rs, i) -> rs.getBytes("content")).optional();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
