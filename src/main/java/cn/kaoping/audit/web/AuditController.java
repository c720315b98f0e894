package cn.kaoping.audit.web;

import cn.kaoping.audit.AuditAnchors;
import cn.kaoping.audit.AuditLog;
import cn.kaoping.audit.AuditQuery;
import cn.kaoping.shared.Paged;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log search screen for administrators (URL access is limited in the security configuration). */
@Controller
class AuditController {

    private final AuditLog audit;
    private final AuditAnchors anchors;
    private final MessageSource messages;

    AuditController(AuditLog audit, AuditAnchors anchors, MessageSource messages) {
        this.audit = audit;
        this.anchors = anchors;
        this.messages = messages;
    }

    /** Publishes an anchor of the chain now (ADR 0010), as the daily job does. */
    @PostMapping("/admin/audit/anchor")
    String anchor(RedirectAttributes redirect, Locale locale) {
        AuditAnchors.Anchoring done = anchors.anchorNow();
        redirect.addFlashAttribute("anchorMessage", done.anchor() != null
                ? messages.getMessage("audit.anchors.published",
                        new Object[] {done.anchor().rowCount(), done.anchor().headHash()}, locale)
                : messages.getMessage("audit.anchors.refused", new Object[] {done.check().problem()}, locale));
        return "redirect:/admin/audit";
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
        if (!"true".equals(htmx)) {
            model.addAttribute("anchorCheck", anchors.checkLatest().orElse(null));
        }
        return "true".equals(htmx) ? "admin/audit :: results" : "admin/audit";
    }
}
