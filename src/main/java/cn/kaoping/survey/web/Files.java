package cn.kaoping.survey.web;

import cn.kaoping.platform.excel.Spreadsheets;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Downloads with Chinese file names (RFC 6266 filename*), never cached: slips hold live codes. */
final class Files {

    private Files() {
    }

    static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return file(filename, MediaType.APPLICATION_PDF, body);
    }

    static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
        return file(filename, MediaType.parseMediaType(Spreadsheets.XLSX), body);
    }

    private static ResponseEntity<byte[]> file(String filename, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(type)
                .body(body);
    }
}
