package cn.kaoping.ranking.publication;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.shared.Paged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public ranking pages, without login: the index of published rankings, one ranking by city or district,
 * category and search text (paged, plain links, no script), and its 公示 PDF. Unknown rankings answer a plain 404
 * page, bad parameters a plain message.
 */
@Controller
class PublicRankingController {

    private static final Logger log = LoggerFactory.getLogger(PublicRankingController.class);
    private static final int INDEX_PAGE = 50;
    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic();
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final PublicRankings rankings;
    private final Gongshi gongshi;
    private final Pages pages;
    private final DateTimeFormatter date;

    PublicRankingController(PublicRankings rankings, Gongshi gongshi, Pages pages, Clock clock) {
        this.rankings = rankings;
        this.gongshi = gongshi;
        this.pages = pages;
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(clock.getZone());
    }

    /** The context path, for links written without Thymeleaf's link builder (see public/layout.html). */
    @ModelAttribute("ctx")
    String contextPath(HttpServletRequest req) {
        return req.getContextPath();
    }

    @GetMapping({"/public", "/public/"})
    String home() {
        return "redirect:" + Links.PAGES;
    }

    @GetMapping("/public/rankings")
    String index(@RequestParam(required = false) String page, Model model, HttpServletResponse res) {
        return index(null, rankings.published(null), page, model, res);
    }

    @GetMapping("/public/rankings/{scheme}")
    String scheme(@PathVariable String scheme, @RequestParam(required = false) String page, Model model,
                  HttpServletResponse res) {
        List<RankingSummary> list = rankings.published(scheme);
        if (list.isEmpty()) {
            throw PublicProblem.notFound();
        }
        return index(list.get(0).schemeTitle(), list, page, model, res);
    }

    private String index(String schemeTitle, List<RankingSummary> list, String page, Model model,
                         HttpServletResponse res) {
        int p = pageNumber(page);
        int pages = Math.max(1, (list.size() + INDEX_PAGE - 1) / INDEX_PAGE);
        p = Math.min(p, pages);
        List<RankingSummary> rows = list.subList(Math.min(list.size(), (p - 1) * INDEX_PAGE),
                Math.min(list.size(), p * INDEX_PAGE));
        model.addAttribute("schemeTitle", schemeTitle);
        model.addAttribute("result", new Paged<>(rows, p, INDEX_PAGE, list.size()));
        model.addAttribute("labels", new Labels(rankings, date));
        res.setHeader("Cache-Control", CACHE.getHeaderValue());
        return "public/index";
    }

    @GetMapping("/public/rankings/{scheme}/{period}")
    ResponseEntity<byte[]> ranking(@PathVariable String scheme, @PathVariable String period,
                                   @RequestParam(required = false) String district,
                                   @RequestParam(required = false) String category,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) String page, HttpServletRequest req) {
        RankingSummary r = rankings.ranking(scheme, period);
        PublicQuery query = rankings.query(r, district, category, q, page, true);
        Pages.Page html = pages.ranking(query, req.getContextPath(), LocaleContextHolder.getLocale(), () -> {
            Paged<RankingEntry> result = rankings.page(query);
            Map<String, Object> model = new HashMap<>();
            model.put("ctx", req.getContextPath());
            model.put("ranking", r);
            model.put("query", query);
            model.put("result", result);
            model.put("rows", rankings.rows(result.rows(), query));
            model.put("scope", query.scope());
            model.put("labels", new Labels(rankings, date));
            return model;
        });
        return ResponseEntity.ok().contentType(HTML).cacheControl(CACHE).header("X-Cache", html.kept() ? "HIT" : "MISS")
                .body(html.html());
    }

    @GetMapping("/public/rankings/{scheme}/{period}/gongshi.pdf")
    ResponseEntity<byte[]> gongshi(@PathVariable String scheme, @PathVariable String period,
                                   @RequestParam(required = false) String district,
                                   @RequestParam(required = false) String category) {
        RankingSummary r = rankings.ranking(scheme, period);
        PublicQuery query = rankings.query(r, district, category, null, null, false);
        String name = "公示-" + r.schemeCode() + "-" + r.period()
                + (query.district() == null ? "" : "-" + query.district().name())
                + (query.category() == null ? "" : "-" + query.category()) + ".pdf";
        return Downloads.attachment(name, MediaType.APPLICATION_PDF)
                .cacheControl(CACHE).body(gongshi.pdf(query));
    }

    /** Any other address under /public: the same plain 404 page. */
    @GetMapping("/public/**")
    String unknown() {
        throw PublicProblem.notFound();
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int p = Integer.parseInt(page.trim());
            if (p >= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // falls through to the plain message
        }
        throw PublicProblem.badParameter("publication.error.page");
    }

    @ExceptionHandler(PublicProblem.class)
    String problem(PublicProblem e, Model model, HttpServletRequest req, HttpServletResponse res) {
        model.addAttribute("ctx", req.getContextPath());
        res.setStatus(e.status());
        res.setHeader("Cache-Control", "no-store");
        if (e.status() == 503) {
            res.setHeader("Retry-After", "10");
        }
        model.addAttribute("status", e.status());
        model.addAttribute("message", rankings.message(e.key(), e.args()));
        return "public/error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletRequest req, HttpServletResponse res) {
        model.addAttribute("ctx", req.getContextPath());
        String id = Long.toString(System.nanoTime(), 36);
        log.error("Unexpected error on the public site {}", id, e);
        res.setStatus(500);
        res.setHeader("Cache-Control", "no-store");
        model.addAttribute("status", 500);
        model.addAttribute("message", rankings.message("publication.error.internal", id));
        return "public/error";
    }

    /** Labels the templates need: periods in words and dates. */
    record Labels(PublicRankings source, DateTimeFormatter dates) {

        public String period(String code) {
            return source.periodLabel(code);
        }

        public String date(java.time.OffsetDateTime at) {
            return dates.format(at);
        }

        public String page(RankingSummary r) {
            return Links.page(r);
        }

        public String scheme(String code) {
            return Links.scheme(code);
        }

        public String csv(RankingSummary r) {
            return Links.csv(r);
        }

        public String json(RankingSummary r) {
            return Links.json(r);
        }

        public String gongshi(RankingSummary r) {
            return Links.gongshi(r);
        }
    }
}
