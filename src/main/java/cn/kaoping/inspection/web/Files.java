package cn.kaoping.inspection.web;

import cn.kaoping.platform.excel.Spreadsheets;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Downloads with Chinese file names (RFC 6266 filename*), inline photos, and reading uploads. */
public final class Files {

    private Files() {
    }

    public static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
        return attachment(filename, MediaType.parseMediaType(Spreadsheets.XLSX), body);
    }

    public static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return attachment(filename, MediaType.APPLICATION_PDF, body);
    }

    private static ResponseEntity<byte[]> attachment(String filename, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(type).body(body);
    }

    /** A stored photo, served with the type detected at upload and never sniffed by the browser. */
    public static ResponseEntity<byte[]> photo(String contentType, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(body);
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
