package cn.kaoping.excellence.web;

import cn.kaoping.account.AccountDirectory;
import cn.kaoping.excellence.campaign.CampaignAccess;
import cn.kaoping.excellence.campaign.CampaignBoard;
import cn.kaoping.excellence.campaign.Campaigns;
import cn.kaoping.excellence.campaign.Composite;
import cn.kaoping.excellence.campaign.EntrySteps;
import cn.kaoping.excellence.campaign.HonourStore;
import cn.kaoping.excellence.campaign.Publication;
import cn.kaoping.excellence.campaign.Review;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.platform.web.FlashSteps;
import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One estate's re-evaluation (issue 16), each party's step on one page that also works on a phone: the company's
 * decision and application, the publicity with photos, the committee's stamp, the satisfaction, the panel and each
 * expert's score, the residents' committee's score, vetoes found in the data, the composite explained, objections.
 */
@Controller
@RequestMapping("/honours/entries")
class EntryController {

    private final Campaigns campaigns;
    private final HonourStore store;
    private final EntrySteps steps;
    private final Review review;
    private final Composite composite;
    private final Publication publication;
    private final AccountDirectory accounts;
    private final FileStore files;

    EntryController(Campaigns campaigns, HonourStore store, EntrySteps steps, Review review, Composite composite,
                    Publication publication, AccountDirectory accounts, FileStore files) {
        this.campaigns = campaigns;
        this.store = store;
        this.steps = steps;
        this.review = review;
        this.composite = composite;
        this.publication = publication;
        this.accounts = accounts;
        this.files = files;
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        Campaigns.EntryIn in = campaigns.entry(p, id);
        HonourStore.Entry e = in.entry();
        List<HonourStore.Publicity> publicity = store.publicity(id);
        List<HonourStore.PanelSeat> panel = store.panel(id);
        model.addAttribute("c", in.campaign());
        model.addAttribute("e", e);
        EntrySteps.PublicityRule rule = campaigns.publicityRule(in.campaign());
        model.addAttribute("stage", CampaignBoard.stage(e, publicity, rule));
        model.addAttribute("rule", rule);
        model.addAttribute("publicity", publicity);
        model.addAttribute("shortfall", EntrySteps.publicityShortfall(publicity, rule));
        // the panel's scores only for the association and the authorities: an expert does not see the others' first
        boolean seesPanel = CampaignAccess.seesPanel(p);
        model.addAttribute("panel", seesPanel ? panel : List.of());
        model.addAttribute("names", accounts.displayNames(panel.stream().map(HonourStore.PanelSeat::expert)
                .toList()));
        model.addAttribute("mySeat", panel.stream().filter(s -> s.expert().equals(p.username())).findFirst()
                .orElse(null));
        model.addAttribute("evaluation", composite.evaluation(e).orElse(null));
        model.addAttribute("objections", store.objections(id));
        boolean runs = CampaignAccess.runs(p, in.campaign());
        model.addAttribute("runs", runs);
        model.addAttribute("district", CampaignAccess.districtAssociation(p, e));
        model.addAttribute("findings", runs && in.campaign().open() ? review.findings(p, id)
                : List.of());
        model.addAttribute("experts", runs ? accounts.usersOf(in.campaign().regionId(), Role.EXPERT) : List.of());
        model.addAttribute("role", p.role().name());
        model.addAttribute("satisfactionCounts", Composite.satisfactionCounts(e, campaigns.today()));
        model.addAttribute("today", campaigns.today());
        return "excellence/entry";
    }

    @PostMapping("/{id:\\d+}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> params,
                @RequestParam(name = "experts", required = false) List<String> experts,
                @RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect) {
        KaopingPrincipal p = CurrentUser.get();
        FormData form = FormData.submitted(params);
        return FlashSteps.run(redirect, "/honours/entries/" + id, () -> {
            switch (step) {
                case "applies" -> steps.companyDecides(p, id, true);
                case "declines" -> steps.companyDecides(p, id, false);
                case "publicity" -> steps.recordPublicity(p, id, form.text("place"), Downloads.uploaded(photo, "photo"), name(photo),
                        date(form, "postedOn"), date(form, "endsOn"), form.text("opinions"));
                case "application" -> steps.apply(p, id, params.get("application"));
                case "endorse" -> steps.committeeDecides(p, id, true);
                case "refuse" -> steps.committeeDecides(p, id, false);
                case "satisfaction" -> review.satisfaction(p, id, form.integer("satisfied"),
                        form.integer("basicallySatisfied"), form.integer("owners"), date(form, "posted"));
                case "satisfaction-survey" -> review.satisfactionFromSurvey(p, id);
                case "panel" -> review.assignPanel(p, id, experts);
                case "score" -> review.expertScores(p, id, decimal(form, "score"), form.text("comment"),
                        Downloads.uploaded(photo, "photo"), name(photo));
                case "community" -> review.communityScores(p, id, decimal(form, "score"), form.text("comment"));
                case "veto" -> review.confirmVeto(p, id, form.text("code"), form.text("reason"));
                case "objection" -> publication.recordObjection(p, id, form.text("content"), form.text("raisedBy"));
                default -> throw new NotFoundException("没有这个操作");
            }
        });
    }

    @PostMapping("/objections/{objectionId:\\d+}/{decision:uphold|reject}")
    String decide(@PathVariable long objectionId, @PathVariable String decision,
                  @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        HonourStore.Objection o = store.objection(objectionId).orElseThrow(() -> new NotFoundException("异议不存在"));
        campaigns.entry(CurrentUser.get(), o.entryId());
        return FlashSteps.run(redirect, "/honours/entries/" + o.entryId(), () ->
                publication.decideObjection(CurrentUser.get(), objectionId, decision.equals("uphold"), answer));
    }

    @GetMapping("/{id:\\d+}/photos/{file}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable UUID file) {
        campaigns.entry(CurrentUser.get(), id);
        boolean ours = store.publicity(id).stream().anyMatch(x -> x.photo().equals(file))
                || store.panel(id).stream().anyMatch(x -> file.equals(x.photo()));
        StoredFile f = files.find(file).filter(x -> ours).orElseThrow(() -> new NotFoundException("照片不存在"));
        return cn.kaoping.platform.web.Downloads.inline(f.contentType(),
                files.content(file).orElseThrow(() -> new NotFoundException("照片不存在")));
    }

    private static java.time.LocalDate date(FormData form, String name) {
        java.time.LocalDate d = form.date(name);
        if (form.hasErrors()) {
            throw new ValidationException(name, "日期格式不正确");
        }
        return d;
    }

    private static java.math.BigDecimal decimal(FormData form, String name) {
        java.math.BigDecimal d = form.decimal(name);
        if (form.hasErrors()) {
            throw new ValidationException(name, "请填写数字");
        }
        return d;
    }

    private static String name(MultipartFile f) {
        return f == null ? null : f.getOriginalFilename();
    }
}
