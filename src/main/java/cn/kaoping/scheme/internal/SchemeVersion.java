package cn.kaoping.scheme.internal;

import cn.kaoping.scheme.SchemeStatus;
import java.time.OffsetDateTime;

/**
 * One stored version of a scheme: its YAML text and where it stands.
 *
 * @param builtIn  shipped with Kaoping (loaded on start) rather than uploaded
 * @param basedOn  the version this draft was cloned from, or {@code null}
 */
public record SchemeVersion(long id, String code, int version, SchemeStatus status, String title, String source,
                            String yaml, boolean builtIn, Integer basedOn, String createdBy,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, String publishedBy,
                            OffsetDateTime publishedAt) {

    public boolean published() {
        return status == SchemeStatus.PUBLISHED;
    }

    public boolean draft() {
        return status == SchemeStatus.DRAFT;
    }

    /** File name for downloads, e.g. {@code erqi-old-estate-v2.yaml}. */
    public String fileName() {
        return code + "-v" + version + ".yaml";
    }
}
