package cn.kaoping.credit.web;

import cn.kaoping.credit.CreditRecord;
import cn.kaoping.credit.internal.CreditService;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Seed 003 (及时向社会推送 … 不良信用记录): a company's bad records in force, without login ({@code /public/**}), and the
 * export for the shared credit platform ({@code /open-data/credit/bad-records.csv|json}, fields in docs/credit.md).
 */
@Controller
class PublicCreditController {

    private final CreditService credit;

    PublicCreditController(CreditService credit) {
        this.credit = credit;
    }

    @ModelAttribute("ctx")
    String contextPath(HttpServletRequest req) {
        return req.getContextPath();
    }

    /** Companies with bad records in force, optionally searched by part of the name. */
    @GetMapping("/public/credit")
    String search(@RequestParam(required = false) String q, Model model) {
        Map<Long, List<CreditRecord>> byCompany = credit.publicBad(null).stream()
                .filter(r -> q == null || q.isBlank() || r.companyName().contains(q.strip()))
                .collect(Collectors.groupingBy(CreditRecord::companyId, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("companies", byCompany.values().stream().map(l -> new Company(l.get(0).companyId(),
                l.get(0).companyName(), l.size())).toList());
        return "credit/public/search";
    }

    record Company(long id, String name, int records) {
    }

    @GetMapping("/public/credit/{companyId}")
    String company(@PathVariable long companyId, Model model) {
        String name = credit.companyName(companyId);
        model.addAttribute("companyName", name);
        model.addAttribute("records", credit.publicBad(companyId));
        model.addAttribute("today", credit.today());
        return "credit/public/company";
    }

    /** One line per bad record in force (fields in docs/credit.md). */
    record OpenRecord(long recordId, long companyId, String companyName, String subjectType, long subjectId,
                      String subjectName, String kind, String occurredOn, String validFrom, String validUntil,
                      String description, String source, boolean contested, Long districtId) {
        static OpenRecord of(CreditRecord r) {
            return new OpenRecord(r.id(), r.companyId(), r.companyName(), r.subjectType().name(), r.subjectId(),
                    r.subjectName(), r.kind().name(), r.occurredOn().toString(), r.validFrom().toString(),
                    r.validUntil().toString(), r.description(), r.sourceEvent(), r.contested(), r.districtId());
        }
    }

    @GetMapping(value = "/open-data/credit/bad-records.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> json() {
        return Map.of("asOf", credit.today().toString(),
                "records", credit.publicBad(null).stream().map(OpenRecord::of).toList());
    }

    @GetMapping("/open-data/credit/bad-records.csv")
    ResponseEntity<byte[]> csv() {
        StringBuilder out = new StringBuilder("\uFEFFrecordId,companyId,companyName,subjectType,subjectId,"
                + "subjectName,kind,occurredOn,validFrom,validUntil,description,source,contested,districtId\r\n");
        for (CreditRecord c : credit.publicBad(null)) {
            OpenRecord r = OpenRecord.of(c);
            out.append(String.join(",", String.valueOf(r.recordId()), String.valueOf(r.companyId()),
                    csv(r.companyName()), r.subjectType(), String.valueOf(r.subjectId()), csv(r.subjectName()),
                    r.kind(), r.occurredOn(), r.validFrom(), r.validUntil(), csv(r.description()), r.source(),
                    String.valueOf(r.contested()), r.districtId() == null ? "" : String.valueOf(r.districtId())))
                    .append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"bad-records.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replace("\r", " ").replace("\n", " ");
        if (t.startsWith("=") || t.startsWith("+") || t.startsWith("-") || t.startsWith("@")) {
            t = "'" + t; // no formulas when opened in a spreadsheet
        }
        return "\"" + t.replace("\"", "\"\"") + "\"";
    }
}
