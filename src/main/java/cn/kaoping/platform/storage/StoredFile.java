package cn.kaoping.platform.storage;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored file as the rest of the application sees it: its id, checksum, detected type, size and provenance. */
public record StoredFile(UUID id, String sha256, String contentType, long size, String originalName,
                         String uploadedBy, OffsetDateTime uploadedAt) {
}
