package cn.kaoping.credit.web;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.CreditRecord;
import cn.kaoping.credit.Direction;
import cn.kaoping.credit.internal.ContestRecord;
import cn.kaoping.credit.internal.CreditAccess;
import cn.kaoping.credit.internal.CreditDocuments;
import cn.kaoping.credit.internal.CreditRankings;
import cn.kaoping.credit.internal.CreditService;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Credit screens: companies in scope with score and rank, a company's file (records, score explanation, disputes),
 * the record form, dispute forms, the 失信信息告知单 and the credit ranking (+ .xlsx).
 */
@Controller
@RequestMapping("/credit")
class CreditController {

    private final CreditService credit;
    private final ContestRecord disputes;
    private final CreditRankings rankings;
    private final CreditDocuments documents;
    private final OrganisationDirectory directory;

    CreditController(CreditService credit, ContestRecord disputes, CreditRankings rankings, CreditDocuments documents,
                     OrganisationDirectory directory) {
        this.credit = credit;
        this.disputes = disputes;
        this.rankings = rankings;
        this.documents = documents;
        this.directory = directory;
    }

    private int year(Integer year) {
        return year == null ? credit.today().getYear() : year;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                @RequestParam(required = false) String band, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Optional<Long> own = CreditAccess.ownCompany(p);
        if (own.isPresent()) {
            return "redirect:/credit/companies/" + own.get();
        }
        if (!CreditAccess.mayList(p)) {
            throw new NotFoundException("页面不存在");
        }
        int y = year(year);
        List<CreditRankings.Row> rows = rankings.rank(y, p.regionPath()).stream()
                .filter(r -> q == null || q.isBlank() || r.companyName().contains(q.strip()))
                .filter(r -> band == null || band.isBlank() || ("below".equals(band)
                        ? r.score().compareTo(java.math.BigDecimal.valueOf(100)) < 0
                        : r.score().compareTo(java.math.BigDecimal.valueOf(100)) >= 0))
                .toList();
        model.addAttribute("year", y);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("band", band == null ? "" : band);
        model.addAttribute("rows", rows);
        model.addAttribute("mayEnter", CreditAccess.mayEnter(p));
        return "credit/list";
    }

    @GetMapping("/companies/{id}")
    String file(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("file", credit.file(p, id, year(year)));
        model.addAttribute("mayEnter", CreditAccess.mayEnter(p));
        model.addAttribute("mayContest", CreditAccess.mayContest(p));
        model.addAttribute("mayDecide", CreditAccess.mayDecide(p));
        return "credit/file";
    }

    @GetMapping("/records/new")
    String form(@RequestParam Map<String, String> params, Model model) {
        FormData form = FormData.submitted(params); // the company select reloads the form with what was typed
        return form(CurrentUser.get(), form, form.id("companyId"), model);
    }

    private String form(KaopingPrincipal p, FormData form, Long companyId, Model model) {
        if (!CreditAccess.mayEnter(p)) {
            throw new ForbiddenException("信用信息由街道办事处或区房产主管部门录入");
        }
        List<CreditRankings.Row> companies = rankings.rank(credit.today().getYear(), p.regionPath());
        model.addAttribute("form", form);
        model.addAttribute("companies", companies);
        model.addAttribute("managers", companyId == null ? List.of() : credit.managers(p, companyId));
        model.addAttribute("kinds", CreditKind.values());
        model.addAttribute("directions", Direction.values());
        return "credit/record-form";
    }

    @PostMapping("/records")
    String enter(@RequestParam Map<String, String> params, @RequestParam(required = false) MultipartFile file,
                 Model model) throws IOException {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        CreditService.ManualRecord f = new CreditService.ManualRecord(form.id("companyId"), form.id("managerId"),
                form.choice("direction", Direction.class), form.choice("kind", CreditKind.class),
                form.date("occurredOn"), form.text("description"));
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        Optional<Long> id = form.submit(() -> credit.enter(p, f, bytes, bytes == null ? null
                : file.getOriginalFilename()));
        if (id.isPresent()) {
            return "redirect:/credit/records/" + id.get();
        }
        return form(p, form, f.companyId(), model);
    }

    @GetMapping("/records/{id}")
    String record(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        CreditRecord r = credit.record(p, id);
        model.addAttribute("r", r);
        model.addAttribute("disputes", credit.disputes(id));
        model.addAttribute("mayEnter", CreditAccess.mayEnter(p));
        model.addAttribute("mayContest", CreditAccess.mayContest(p));
        model.addAttribute("mayDecide", CreditAccess.mayDecide(p));
        return "credit/record";
    }

    @PostMapping("/records/{id}/evidence")
    String evidence(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                    RedirectAttributes redirect) throws IOException {
        try {
            credit.addEvidence(CurrentUser.get(), id, file == null ? null : file.getBytes(),
                    file == null ? null : file.getOriginalFilename());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        }
        return "redirect:/credit/records/" + id;
    }

    @GetMapping("/records/{id}/evidence/{file}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable UUID file) {
        return EvidenceResponses.of(credit.evidence(CurrentUser.get(), id, file)
                .orElseThrow(() -> new NotFoundException("文件不存在")));
    }

    @GetMapping("/records/{id}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        CreditRecord r = credit.record(p, id);
        String issuer = Optional.ofNullable(r.districtId()).flatMap(directory::region).map(RegionRef::name)
                .map(n -> n + "房产主管部门").orElse("物业主管部门");
        if (CreditAccess.signsAsStreet(p)) {
            issuer = directory.region(p.regionId()).map(RegionRef::name).orElse(issuer);
        }
        return Downloads.pdf("失信信息告知单-" + r.companyName() + "-" + r.id() + ".pdf", documents.notice(r, issuer));
    }

    @PostMapping("/records/{id}/disputes")
    String contest(@PathVariable long id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            disputes.contest(CurrentUser.get(), id, reason, file == null || file.isEmpty() ? null : file.getBytes(),
                    file == null ? null : file.getOriginalFilename());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        }
        return "redirect:/credit/records/" + id;
    }

    @PostMapping("/disputes/{id}/decision")
    String decide(@PathVariable long id, @RequestParam long recordId, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        Boolean annul = "ANNUL".equals(decision) ? Boolean.TRUE : "UPHOLD".equals(decision) ? Boolean.FALSE : null;
        try {
            disputes.decide(CurrentUser.get(), id, annul, reason);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).message());
        }
        return "redirect:/credit/records/" + recordId;
    }

    @GetMapping("/ranking")
    String ranking(@RequestParam(required = false) Integer year, Model model) {
        KaopingPrincipal p = staff();
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("rows", rankings.rank(y, p.regionPath()));
        model.addAttribute("bottom", CreditRankings.BOTTOM);
        model.addAttribute("computed", rankings.computed(y).orElse(null));
        model.addAttribute("mayCompute", CreditAccess.mayCompute(p));
        return "credit/ranking";
    }

    /** The city administrator computes and stores a year's ranking (all districts and the city), as the API does. */
    @PostMapping("/ranking/{year}")
    String computeRanking(@PathVariable int year, RedirectAttributes redirect) {
        KaopingPrincipal p = staff();
        if (!CreditAccess.mayCompute(p)) {
            throw new ForbiddenException("信用排名由市级管理员计算");
        }
        List<Long> raised = rankings.compute(year);
        redirect.addFlashAttribute("exits", raised.size());
        return "redirect:/credit/ranking?year=" + year;
    }

    @GetMapping("/ranking.xlsx")
    ResponseEntity<byte[]> rankingXlsx(@RequestParam(required = false) Integer year) {
        KaopingPrincipal p = staff();
        int y = year(year);
        return Downloads.xlsx("信用排名-" + y + ".xlsx", documents.rankingXlsx(rankings.rank(y, p.regionPath())));
    }

    private static KaopingPrincipal staff() {
        KaopingPrincipal p = CurrentUser.get();
        if (!p.role().isRegional()) {
            throw new NotFoundException("页面不存在");
        }
        return p;
    }
}
