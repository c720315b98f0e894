package cn.kaoping.audit.internal;

import cn.kaoping.audit.AuditSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * The HMAC key of audit anchors: {@code KAOPING_AUDIT_KEY}, or a random key generated once into the key file. It
 * never goes into the database, so whoever can write the database cannot make a valid anchor.
 */
@Component
public class AnchorKey {

    private static final Log log = LogFactory.getLog(AnchorKey.class);

    private final AuditSettings settings;
    private volatile byte[] key;

    AnchorKey(AuditSettings settings) {
        this.settings = settings;
    }

    /** HMAC-SHA256 of the message, hex. */
    public String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] load() {
        String configured = settings.key();
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < 32) {
                throw new IllegalStateException("KAOPING_AUDIT_KEY 至少需要 32 个字符（needs at least 32 characters）");
            }
            return configured.strip().getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(settings.keyFile() == null || settings.keyFile().isBlank() ? "./data/audit-anchor.key"
                : settings.keyFile()).toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------"))), HexFormat.of().formatHex(random) + "\n");
                    log.warn("Generated the audit anchor key in " + file + ": keep it (and back it up apart from the "
                            + "database); set KAOPING_AUDIT_KEY to the same value on every instance");
                } catch (FileAlreadyExistsException e) {
                    // another instance or thread wrote it first: use theirs
                }
            }
            String text = Files.readString(file).strip();
            if (text.length() < 32) {
                throw new IllegalStateException("审计锚点密钥文件 " + file + " 内容过短");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取或生成审计锚点密钥 " + file, e);
        }
    }
}
