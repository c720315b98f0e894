package cn.kaoping.audit.web;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.audit.AuditQuery;
import cn.kaoping.shared.Paged;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log search screen for administrators (URL access is limited in the security configuration). */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                  @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Integer page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        AuditQuery query = new AuditQuery(actor, entityType, entityId, action, from, to);
        int[] ps = Paged.clamp(page, 50);
        model.addAttribute("query", query);
        model.addAttribute("result", audit.search(query, ps[0], ps[1]));
        model.addAttribute("chainBroken", audit.firstBrokenLink().orElse(null));
        return "true".equals(htmx) ? "admin/audit :: results" : "admin/audit";
    }
}
