package cn.kaoping.organisation.web;

import cn.kaoping.platform.excel.Spreadsheets;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** File downloads with Chinese file names that every browser saves correctly (RFC 6266 filename*). */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(Spreadsheets.XLSX))
                .body(body);
    }
}
