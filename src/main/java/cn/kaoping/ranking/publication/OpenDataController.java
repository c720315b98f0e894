package cn.kaoping.ranking.publication;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.ranking.RankingSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Open data (docs/open-data.md): the index of published rankings and each ranking's entries as CSV and JSON at
 * stable addresses, with the public page's filters. Errors are a plain sentence (JSON problem for .json).
 */
@Controller
class OpenDataController {

    private static final Logger log = LoggerFactory.getLogger(OpenDataController.class);
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final PublicRankings rankings;

    OpenDataController(PublicRankings rankings) {
        this.rankings = rankings;
    }

    @GetMapping("/open-data/rankings.json")
    ResponseEntity<OpenData.Index> index() {
        List<OpenData.Ranking> list = rankings.published(null).stream()
                .map(r -> OpenData.Ranking.of(r, rankings.periodLabel(r.period()))).toList();
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.APPLICATION_JSON)
                .body(new OpenData.Index(OpenData.LICENCE, OpenData.DOCUMENTATION, list.size(), list));
    }

    @GetMapping("/open-data/rankings/{scheme}/{period}.json")
    ResponseEntity<OpenData.Entries> json(@PathVariable String scheme, @PathVariable String period,
                                          @RequestParam(required = false) String district,
                                          @RequestParam(required = false) String category,
                                          @RequestParam(required = false) String q) {
        PublicQuery query = query(scheme, period, district, category, q);
        List<OpenData.Entry> entries = entries(query);
        RankingSummary r = query.ranking();
        OpenData.Entries body = new OpenData.Entries(OpenData.LICENCE, OpenData.DOCUMENTATION,
                rankings.message("publication.tieRule"), OpenData.Ranking.of(r, rankings.periodLabel(r.period())),
                new OpenData.Filter(query.district() == null ? null : query.district().code(), query.category(),
                        query.text()),
                query.scope().name(), entries.size(), entries, query.view().name(), query.view().level().name(),
                query.view().complete(), query.view().missingStreets());
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/open-data/rankings/{scheme}/{period}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String scheme, @PathVariable String period,
                               @RequestParam(required = false) String district,
                               @RequestParam(required = false) String category,
                               @RequestParam(required = false) String q) {
        PublicQuery query = query(scheme, period, district, category, q);
        RankingSummary r = query.ranking();
        String name = r.schemeCode() + "-" + r.period()
                + (query.district() == null ? "" : "-" + query.district().code())
                + (query.category() == null ? "" : "-" + query.category()) + ".csv";
        return Downloads.attachment(name, CSV).cacheControl(CACHE).body(OpenData.csv(entries(query)));
    }

    /** Any other address under /open-data: a plain 404. */
    @GetMapping("/open-data/**")
    ResponseEntity<String> unknown() {
        throw PublicProblem.notFound();
    }

    private PublicQuery query(String scheme, String period, String district, String category, String q) {
        RankingSummary r = rankings.ranking(scheme, period);
        return rankings.query(r, district, category, q, null, false);
    }

    private List<OpenData.Entry> entries(PublicQuery q) {
        Map<String, String> labels = new HashMap<>();
        for (EstateCategory c : EstateCategory.values()) {
            labels.put(c.name(), rankings.message("category." + c.name()));
        }
        return rankings.all(q).stream().map(e -> OpenData.Entry.of(e, q.scope(), q.facets(), labels)).toList();
    }

    @ExceptionHandler(PublicProblem.class)
    ResponseEntity<?> problem(PublicProblem e, HttpServletRequest req) {
        return plain(req, e.status(), rankings.message(e.key(), e.args()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest req) {
        String id = Long.toString(System.nanoTime(), 36);
        log.error("Unexpected error in open data {}", id, e);
        return plain(req, 500, rankings.message("publication.error.internal", id));
    }

    private static ResponseEntity<?> plain(HttpServletRequest req, int status, String message) {
        ResponseEntity.BodyBuilder res = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (req.getRequestURI().endsWith(".json")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("status", status);
            problem.put("detail", message);
            return res.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return res.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(message);
    }
}
