package cn.kaoping.ranking.web;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.ranking.EntryFilter;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.ranking.ScopeView;
import cn.kaoping.ranking.internal.Letters;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's ranking screens: published rankings, one ranking's estates (by city, district or street place),
 * companies and street averages, a company's results across districts, and the owners' committees' letters.
 * Regional users see the estates under their region, company users their company's; places are always the
 * published ones (a street sees its estates' district places).
 */
@Controller
@RequestMapping("/rankings")
class RankingController {

    private final Rankings rankings;
    private final Letters letters;

    RankingController(Rankings rankings, Letters letters) {
        this.rankings = rankings;
        this.letters = letters;
    }

    @GetMapping
    String list(@RequestParam(required = false) String scheme, @RequestParam(required = false) PeriodKind kind,
                Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (EntryFilter.receivesLetters(p)) {
            return "redirect:/rankings/inbox";
        }
        if (!EntryFilter.mayRead(p)) {
            throw new NotFoundException("页面不存在");
        }
        // the list names rankings, not entries: published rankings are open to every reader (公示)
        model.addAttribute("rankings", rankings.list(blank(scheme), kind));
        // the filter names schemes by title; the code is only the option's value (issue 21)
        Map<String, String> schemes = new java.util.TreeMap<>();
        rankings.list(null, null).forEach(r -> schemes.putIfAbsent(r.schemeCode(), r.schemeTitle()));
        model.addAttribute("schemes", schemes);
        model.addAttribute("scheme", blank(scheme));
        model.addAttribute("kind", kind);
        return "rankings/list";
    }

    @GetMapping("/{id}")
    String ranking(@PathVariable long id, @RequestParam(required = false) Long district,
                   @RequestParam(required = false) Long street, @RequestParam(required = false) String category,
                   @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                   @RequestParam(required = false, defaultValue = "estates") String tab,
                   HttpServletRequest request, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        EntryFilter scope = EntryFilter.visibleTo(p);
        RankingSummary ranking = rankings.find(id).orElseThrow(() -> new NotFoundException("排名不存在"));
        EntryFilter filter = new EntryFilter(district, street, blank(category), scope.companyId(), blank(q),
                scope.regionPath());
        int[] ps = Paged.clamp(page, 50);
        Paged<RankingEntry> result = rankings.entries(id, filter, ps[0], ps[1]);
        model.addAttribute("ranking", ranking);
        model.addAttribute("result", result);
        ScopeView view = rankings.view(id, filter);
        model.addAttribute("view", view);
        model.addAttribute("scope", view.places().name());
        model.addAttribute("district", district);
        model.addAttribute("street", street);
        model.addAttribute("category", blank(category));
        model.addAttribute("q", blank(q));
        model.addAttribute("tab", tab);
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "rankings/detail :: results";
        }
        model.addAttribute("districts", rankings.districts(id));
        model.addAttribute("categories", rankings.categories(id));
        EntryFilter group = new EntryFilter(district, null, blank(category), null, null, scope.regionPath());
        model.addAttribute("companies", scope.companyId() == null ? rankings.companies(id, group) : List.of());
        model.addAttribute("streets", p.role().isRegional() ? rankings.streets(id, group) : List.of());
        return "rankings/detail";
    }

    /** A company's results across districts and periods. */
    @GetMapping("/companies/{companyId}")
    String company(@PathVariable long companyId, @RequestParam(required = false) Long ranking, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        EntryFilter scope = EntryFilter.visibleTo(p);
        if (scope.companyId() != null && scope.companyId() != companyId) {
            throw new NotFoundException("物业服务企业不存在");
        }
        List<RankingSummary> withCompany = rankings.withCompany(companyId, scope.regionPath());
        if (withCompany.isEmpty()) {
            throw new NotFoundException("该企业没有已公布的排名结果");
        }
        RankingSummary shown = withCompany.stream().filter(r -> ranking != null && r.id() == ranking).findFirst()
                .orElse(withCompany.get(0));
        List<RankingEntry> entries = rankings.entries(shown.id(), scope.withCompany(companyId));
        model.addAttribute("rankings", withCompany);
        model.addAttribute("ranking", shown);
        model.addAttribute("entries", entries);
        model.addAttribute("companyName", entries.get(0).companyName());
        model.addAttribute("standing", rankings.companies(shown.id(), EntryFilter.all()).stream()
                .filter(c -> c.companyId() == companyId).findFirst().orElse(null));
        return "rankings/company";
    }

    /** The owners' committee's letters. */
    @GetMapping("/inbox")
    String inbox(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (!EntryFilter.receivesLetters(p) || p.estateId() == null) {
            throw new NotFoundException("只有业主委员会成员有排名通报信箱");
        }
        model.addAttribute("letters", letters.inbox(p.estateId()));
        return "rankings/inbox";
    }

    @GetMapping("/{id}/letter")
    String letter(@PathVariable long id, @RequestParam(required = false) Long estate, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        long estateId = letterEstate(p, id, estate);
        Letters.LetterContent content = letters.content(id, estateId)
                .orElseThrow(() -> new NotFoundException("没有这封通报"));
        if (EntryFilter.receivesLetters(p)) {
            letters.markRead(id, estateId, p.username());
        }
        model.addAttribute("letter", content);
        return "rankings/letter";
    }

    @GetMapping("/{id}/letter.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable long id, @RequestParam(required = false) Long estate) {
        KaopingPrincipal p = CurrentUser.get();
        long estateId = letterEstate(p, id, estate);
        Letters.LetterContent content = letters.content(id, estateId)
                .orElseThrow(() -> new NotFoundException("没有这封通报"));
        return Downloads.pdf("排名通报-" + content.entry().estateName() + "-" + content.ranking().period() + ".pdf",
                letters.pdf(content));
    }

    /** Committee members read their own estate's letters; staff any estate in their scope. */
    private long letterEstate(KaopingPrincipal p, long rankingId, Long estate) {
        if (EntryFilter.receivesLetters(p)) {
            if (p.estateId() == null || (estate != null && !estate.equals(p.estateId()))) {
                throw new NotFoundException("没有这封通报");
            }
            return p.estateId();
        }
        EntryFilter scope = EntryFilter.visibleTo(p);
        if (estate == null) {
            throw new NotFoundException("请指定小区");
        }
        RankingEntry entry = rankings.entry(rankingId, estate).orElseThrow(() -> new NotFoundException("没有这封通报"));
        boolean visible = scope.companyId() != null ? scope.companyId().equals(entry.companyId())
                : p.covers(entry.regionPath());
        if (!visible) {
            throw new NotFoundException("没有这封通报");
        }
        return estate;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
