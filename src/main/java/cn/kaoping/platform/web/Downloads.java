package cn.kaoping.platform.web;

import cn.kaoping.platform.excel.Spreadsheets;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File downloads with Chinese file names that every browser saves correctly (RFC 6266 filename*). */
public final class Downloads {

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
}
