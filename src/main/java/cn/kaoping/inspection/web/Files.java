package cn.kaoping.inspection.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Inline photos and reading uploads (downloads: {@link cn.kaoping.platform.web.Downloads}). */
public final class Files {

    private Files() {
    }

    /** A stored photo, served with the type detected at upload and never sniffed by the browser. */
    public static ResponseEntity<byte[]> photo(String contentType, byte[] body) {
        return cn.kaoping.platform.web.Downloads.inline(contentType, body);
    }

    public static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
