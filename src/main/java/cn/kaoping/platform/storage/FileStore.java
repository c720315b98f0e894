package cn.kaoping.platform.storage;

import java.util.Optional;
import java.util.UUID;

/**
 * Where uploaded files live. Behind an interface so a deployment may move the bytes to object storage; the
 * default keeps them in PostgreSQL, so every instance behind the load balancer serves the same files.
 */
public interface FileStore {

    /**
     * Stores the bytes after checking them against the policy; the content type is detected from the bytes, never
     * taken from the file name.
     *
     * @throws cn.kaoping.shared.ValidationException (field {@code file}) when the policy refuses the file
     */
    StoredFile store(byte[] content, String originalName, String uploadedBy, UploadPolicy policy);

    /** The description of a stored file, without its bytes. */
    Optional<StoredFile> find(UUID id);

    /** The bytes of a stored file. */
    Optional<byte[]> content(UUID id);
}
