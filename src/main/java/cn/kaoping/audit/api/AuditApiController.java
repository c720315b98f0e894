package cn.kaoping.audit.api;

import cn.kaoping.audit.AuditAnchors;
import cn.kaoping.audit.ChainCheck;
import cn.kaoping.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Checks the audit chain against a published anchor (any signed-in API user). */
@RestController
class AuditApiController {

    private final AuditAnchors anchors;

    AuditApiController(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    @Operation(summary = "Check the audit chain against a published anchor",
            description = "valid when the first `count` rows link up, every row matches its hash and row `count` has "
                    + "the hash `head`; with `date` and `mac` the anchor's HMAC is checked too")
    @GetMapping("/api/v1/audit/verify")
    Map<String, Object> verify(@RequestParam String head, @RequestParam long count,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate date,
                               @RequestParam(required = false) String mac) {
        if (!head.trim().matches("[0-9a-fA-F]{64}")) {
            throw new ValidationException("head", "head 须为 64 位十六进制哈希");
        }
        if (count < 0) {
            throw new ValidationException("count", "count 不能为负数");
        }
        ChainCheck check = anchors.verify(head, count);
        Map<String, Object> body = new LinkedHashMap<>();
        Boolean authentic = date == null || mac == null ? null : anchors.authentic(date, count, head, mac);
        body.put("valid", check.valid() && !Boolean.FALSE.equals(authentic));
        body.put("count", check.count());
        body.put("head", check.head());
        body.put("rowsChecked", check.rowsChecked());
        body.put("actualHead", check.actualHead());
        body.put("firstBadId", check.firstBadId());
        body.put("macValid", authentic);
        body.put("problem", Boolean.FALSE.equals(authentic) ? "锚点签名（HMAC）无效" : check.problem());
        return body;
    }
}
