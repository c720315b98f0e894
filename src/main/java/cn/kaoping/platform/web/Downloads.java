package cn.kaoping.platform.web;

import cn.kaoping.platform.excel.Spreadsheets;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * File downloads with Chinese file names that every browser saves correctly (RFC 6266 filename*), stored files shown
 * inline, and uploads read.
 */
public final class Downloads {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private Downloads() {
    }

    /** An attachment response still open for more headers (e.g. cache control) before its body. */
    public static ResponseEntity.BodyBuilder attachment(String filename, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(type);
    }

    public static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
        return attachment(filename, MediaType.parseMediaType(Spreadsheets.XLSX)).body(body);
    }

    public static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return attachment(filename, MediaType.APPLICATION_PDF).body(body);
    }

    public static ResponseEntity<byte[]> docx(String filename, byte[] body) {
        return attachment(filename, MediaType.parseMediaType(DOCX)).body(body);
    }

    /** A stored photo or file shown in the page, with the type detected at upload and never sniffed by the browser. */
    public static ResponseEntity<byte[]> inline(String contentType, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .cacheControl(org.springframework.http.CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(body);
    }

    /** The bytes of an upload (empty when none was chosen); a broken upload is the user's field problem, not a 500. */
    public static byte[] uploaded(org.springframework.web.multipart.MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new cn.kaoping.shared.ValidationException(field, "文件没有上传完整，请重试");
        }
    }
}
