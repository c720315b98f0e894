package cn.kaoping.audit.web;

import cn.kaoping.audit.AuditAnchor;
import cn.kaoping.audit.AuditAnchors;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The published anchors of the audit chain, without login: a page ({@code /public/audit-anchors}) and open data
 * ({@code /open-data/audit-anchors.csv|json}), so that copies kept outside hold the operator to its log.
 */
@Controller
class PublicAuditController {

    private static final int PUBLISHED = 10_000;

    private final AuditAnchors anchors;

    PublicAuditController(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    @GetMapping("/public/audit-anchors")
    String page(HttpServletRequest req, Model model) {
        model.addAttribute("ctx", req.getContextPath());
        model.addAttribute("anchors", anchors.anchors(400));
        return "public/audit-anchors";
    }

    record OpenAnchor(String date, long rowCount, String headHash, String mac, String createdAt) {
        static OpenAnchor of(AuditAnchor a) {
            return new OpenAnchor(a.anchoredOn().toString(), a.rowCount(), a.headHash(), a.mac(),
                    a.createdAt().toString());
        }
    }

    @GetMapping(value = "/open-data/audit-anchors.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> json() {
        List<OpenAnchor> list = anchors.anchors(PUBLISHED).stream().map(OpenAnchor::of).toList();
        return Map.of("algorithm", "HMAC-SHA256 over kaoping-audit-anchor/v1|date|rowCount|headHash",
                "anchors", list);
    }

    @GetMapping("/open-data/audit-anchors.csv")
    ResponseEntity<byte[]> csv() {
        StringBuilder out = new StringBuilder("date,rowCount,headHash,mac,createdAt\r\n");
        for (AuditAnchor a : anchors.anchors(PUBLISHED)) {
            OpenAnchor o = OpenAnchor.of(a);
            out.append(String.join(",", o.date(), String.valueOf(o.rowCount()), o.headHash(), o.mac(), o.createdAt()))
                    .append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"audit-anchors.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
