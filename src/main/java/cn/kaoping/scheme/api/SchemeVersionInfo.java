package cn.kaoping.scheme.api;

import cn.kaoping.scheme.SchemeStatus;
import cn.kaoping.scheme.internal.SchemeVersion;
import java.time.OffsetDateTime;

/** A version in the version list, without its YAML text. */
record SchemeVersionInfo(String code, int version, SchemeStatus status, String title, boolean builtIn,
                         Integer basedOn, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                         String publishedBy, OffsetDateTime publishedAt) {

    static SchemeVersionInfo of(SchemeVersion v) {
        return new SchemeVersionInfo(v.code(), v.version(), v.status(), v.title(), v.builtIn(), v.basedOn(),
                v.createdBy(), v.createdAt(), v.updatedAt(), v.publishedBy(), v.publishedAt());
    }
}
