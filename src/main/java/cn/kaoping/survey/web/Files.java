package cn.kaoping.survey.web;

import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.web.Downloads;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Survey downloads are never cached: slips hold live codes. */
final class Files {

    private Files() {
    }

    static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
        return Downloads.attachment(filename, MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore()).body(body);
    }

    static ResponseEntity<byte[]> xlsx(String filename, byte[] body) {
        return Downloads.attachment(filename, MediaType.parseMediaType(Spreadsheets.XLSX))
                .cacheControl(CacheControl.noStore()).body(body);
    }
}
