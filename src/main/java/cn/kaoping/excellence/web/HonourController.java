package cn.kaoping.excellence.web;

import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.excellence.campaign.CampaignAccess;
import cn.kaoping.excellence.campaign.CampaignBoard;
import cn.kaoping.excellence.campaign.Campaigns;
import cn.kaoping.excellence.campaign.HonourStore;
import cn.kaoping.excellence.campaign.Publication;
import cn.kaoping.excellence.campaign.RunCampaign;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 市优复评 screens (issue 16): the honour register and the campaigns; creating one (the city association); a
 * campaign's dashboard with every estate's stage, deadline and who acts; confirming the district list; the 公示 and
 * the publication with the result document.
 */
@Controller
@RequestMapping("/honours")
class HonourController {

    private final HonourStore store;
    private final Campaigns campaigns;
    private final CampaignBoard board;
    private final RunCampaign run;
    private final Publication publication;
    private final cn.kaoping.excellence.campaign.ResultDocx docx;
    private final cn.kaoping.excellence.campaign.ImportHonours imports;

    HonourController(HonourStore store, Campaigns campaigns, CampaignBoard board, RunCampaign run,
                     Publication publication, cn.kaoping.excellence.campaign.ResultDocx docx,
                     cn.kaoping.excellence.campaign.ImportHonours imports) {
        this.store = store;
        this.campaigns = campaigns;
        this.board = board;
        this.run = run;
        this.publication = publication;
        this.docx = docx;
        this.imports = imports;
    }

    @GetMapping("/register/template.xlsx")
    ResponseEntity<byte[]> template() {
        return Downloads.xlsx("荣誉名册导入模板.xlsx", cn.kaoping.platform.excel.Spreadsheets.template(
                cn.kaoping.excellence.campaign.ImportHonours.LAYOUT));
    }

    @PostMapping("/register/import")
    String importRegister(@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                          RedirectAttributes redirect) {
        return FlashSteps.run(redirect, "/honours", () -> {
            cn.kaoping.platform.excel.ImportReport report = imports.importSheet(CurrentUser.get(),
                    Downloads.uploaded(file, "file"));
            if (!report.ok()) {
                throw new ValidationException("file", String.join("；", report.problems().stream()
                        .map(x -> "第 " + x.row() + " 行 " + x.column() + "：" + x.message()).toList()));
            }
            redirect.addFlashAttribute("imported", report.imported());
        });
    }

    @PostMapping("/campaigns/{id:\\d+}/early")
    String early(@PathVariable long id, @RequestParam Map<String, String> params,
                 @RequestParam(required = false) org.springframework.web.multipart.MultipartFile report,
                 RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        Long honour = form.id("honourId");
        Long vote = form.id("voteId");
        RunCampaign.EarlyReason reason = form.choice("reason", RunCampaign.EarlyReason.class);
        return FlashSteps.run(redirect, "/honours/campaigns/" + id, () -> {
            if (honour == null) {
                throw new ValidationException("honourId", "请选择荣誉项目");
            }
            run.addEarly(CurrentUser.get(), id, honour, reason, vote, Downloads.uploaded(report, "report"),
                    report == null ? null : report.getOriginalFilename());
        });
    }

    @GetMapping("/campaigns/{id:\\d+}/result.docx")
    ResponseEntity<byte[]> resultDocx(@PathVariable long id) {
        HonourStore.Campaign c = campaigns.campaign(CurrentUser.get(), id);
        if (!c.published()) {
            throw new ConflictException("复评结果尚未公布");
        }
        return Downloads.docx(c.title() + "结果.docx", docx.docx(c));
    }

    @GetMapping
    String index(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        model.addAttribute("campaigns", store.campaigns().stream().filter(c -> CampaignAccess.seesCampaign(p, c))
                .toList());
        model.addAttribute("honours", p.regionPath() == null ? List.of() : store.honoursUnder(p.regionPath()));
        model.addAttribute("association", CampaignAccess.association(p));
        model.addAttribute("year", campaigns.today().getYear());
        return "excellence/index";
    }

    @PostMapping("/campaigns")
    String create(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        Integer year = form.integer("year");
        long[] id = new long[1];
        String back = FlashSteps.run(redirect, "/honours", () -> {
            List<Integer> awards = Arrays.stream(String.valueOf(params.getOrDefault("awardYears", ""))
                            .split("[,，、\\s]+")).filter(s -> s.matches("\\d{4}")).map(Integer::valueOf).toList();
            if (year == null) {
                throw new ValidationException("year", "请填写复评年度");
            }
            id[0] = run.create(CurrentUser.get(), year, awards, null, form.integer("objectionDays"),
                    form.checkbox("trimmedMean"));
        });
        return id[0] > 0 ? "redirect:/honours/campaigns/" + id[0] : back;
    }

    @PostMapping("/register")
    String register(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
        FormData form = FormData.submitted(params);
        Long estate = form.id("estateId");
        Integer year = form.integer("yearWon");
        return FlashSteps.run(redirect, "/honours", () -> {
            if (estate == null || year == null) {
                throw new ValidationException("estateId", "请填写小区编号和获评年度");
            }
            run.register(CurrentUser.get(), estate, form.text("title"), form.text("level"), year);
        });
    }

    @GetMapping("/campaigns/{id:\\d+}")
    String campaign(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        HonourStore.Campaign c = campaigns.campaign(p, id);
        model.addAttribute("c", c);
        model.addAttribute("rows", board.rows(p, id));
        model.addAttribute("runs", CampaignAccess.runs(p, c));
        model.addAttribute("association", CampaignAccess.association(p));
        model.addAttribute("objectionsUntil", Publication.objectionsUntil(c));
        model.addAttribute("today", campaigns.today());
        java.util.Set<Long> listed = new java.util.HashSet<>();
        store.entries(id).forEach(e -> listed.add(e.honour().id()));
        model.addAttribute("laterHonours", CampaignAccess.association(p) && c.open()
                ? store.honoursUnder(p.regionPath()).stream().filter(h -> !listed.contains(h.id()))
                .filter(h -> h.level().equals("CITY") && !h.revoked()
                        && h.yearWon() > c.awardYears().stream().mapToInt(Integer::intValue).max().orElse(0))
                .toList() : List.of());
        model.addAttribute("earlyReasons", RunCampaign.EarlyReason.values());
        return "excellence/campaign";
    }

    @PostMapping("/campaigns/{id:\\d+}/{step:confirm|gongshi|publish}")
    String step(@PathVariable long id, @PathVariable String step,
                @RequestParam(required = false) String documentNo, RedirectAttributes redirect) {
        return FlashSteps.run(redirect, "/honours/campaigns/" + id, () -> {
            switch (step) {
                case "confirm" -> run.confirm(CurrentUser.get(), id);
                case "gongshi" -> publication.startGongshi(CurrentUser.get(), id);
                default -> publication.publish(CurrentUser.get(), id, documentNo);
            }
        });
    }

    @GetMapping("/campaigns/{id:\\d+}/result.pdf")
    ResponseEntity<byte[]> result(@PathVariable long id) {
        HonourStore.Campaign c = campaigns.campaign(CurrentUser.get(), id);
        if (!c.published()) {
            throw new ConflictException("复评结果尚未公布");
        }
        return Downloads.pdf(c.title() + "结果.pdf", publication.resultPdf(c));
    }
}
