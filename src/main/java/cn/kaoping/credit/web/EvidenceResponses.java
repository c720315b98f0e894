package cn.kaoping.credit.web;

import cn.kaoping.credit.internal.CreditService.Evidence;
import cn.kaoping.platform.web.Downloads;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An evidence file as a download (screens and API): its original name and the content type detected from its bytes
 * at upload (never the name's), not sniffed by the browser.
 */
public final class EvidenceResponses {

    private EvidenceResponses() {
    }

    public static ResponseEntity<byte[]> of(Evidence e) {
        return Downloads.attachment(e.file().originalName(), MediaType.parseMediaType(e.file().contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff").body(e.content());
    }
}
