package cn.kaoping.ranking.publication;

import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingScope;
import cn.kaoping.ranking.ScopeView;
import cn.kaoping.ranking.RankingSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The 公示 of a published ranking as a PDF in official-document layout: title, the scheme it follows, the tie rule,
 * one table per category (place, estate, company, score, grade), the issuing body (the district's or city's
 * 房产主管部门, named from the entries) and the date the ranking was published. Rendered documents are kept per
 * ranking computation, so a crowd opening the same 公示 renders it once.
 */
@Service
class Gongshi {

    /** Beyond this many estates one document is too long to read or print: ask for a district or category. */
    static final int MAX_ROWS = 5_000;
    private static final int CACHE = 32;
    /**
     * Documents rendered at the same time. A 公示 of 2,600 estates takes about 6 s of one core (once per ranking
     * computation, then it is kept), and these addresses need no login: a crowd asking for many different ones
     * must not take every core from the pages.
     */
    private static final int RENDERING = 2;
    private final Semaphore rendering = new Semaphore(RENDERING, true);

    private final PublicRankings rankings;
    private final TemplateEngine templates;
    private final Clock clock;
    private final Map<String, byte[]> rendered = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE;
        }
    };

    Gongshi(PublicRankings rankings, TemplateEngine templates, Clock clock) {
        this.rankings = rankings;
        this.templates = templates;
        this.clock = clock;
    }

    /** One table of the document: a category (null when the ranking does not separate them) and its rows. */
    record Section(String category, List<RankingEntry> entries) {
    }

    byte[] pdf(PublicQuery q) {
        RankingSummary r = q.ranking();
        String key = r.id() + "|" + r.computedAt() + "|" + (q.district() == null ? "" : q.district().id()) + "|"
                + q.category();
        synchronized (rendered) {
            byte[] known = rendered.get(key);
            if (known != null) {
                return known;
            }
        }
        String xhtml = xhtml(q);
        try {
            if (!rendering.tryAcquire(30, TimeUnit.SECONDS)) {
                throw PublicProblem.busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PublicProblem.busy();
        }
        try {
            byte[] pdf = Pdfs.render(xhtml);
            synchronized (rendered) {
                rendered.put(key, pdf);
            }
            return pdf;
        } finally {
            rendering.release();
        }
    }

    String xhtml(PublicQuery q) {
        RankingSummary r = q.ranking();
        List<RankingEntry> entries = rankings.all(q);
        if (entries.isEmpty()) {
            throw PublicProblem.badParameter("publication.error.empty");
        }
        if (entries.size() > MAX_ROWS) {
            throw PublicProblem.badParameter("publication.error.tooLarge", entries.size());
        }
        List<Section> sections = new ArrayList<>();
        if (r.separateByCategory() && q.category() == null) {
            Map<String, List<RankingEntry>> byCategory = new LinkedHashMap<>();
            q.facets().categories().forEach(c -> byCategory.put(c, new ArrayList<>()));
            entries.forEach(e -> byCategory.computeIfAbsent(e.category(), c -> new ArrayList<>()).add(e));
            byCategory.forEach((c, list) -> {
                if (!list.isEmpty()) {
                    sections.add(new Section(c, list));
                }
            });
        } else {
            sections.add(new Section(q.category(), entries));
        }
        RankingEntry first = entries.get(0);
        ScopeView view = q.view();
        // a street's or a district's ranking is published by the district, the city's by the city
        String issuer = view.level() == RankingScope.CITY ? first.cityName() : first.districtName();
        LocalDate published = r.computedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        Map<String, Object> vars = new HashMap<>();
        vars.put("ranking", r);
        vars.put("periodLabel", rankings.periodLabel(r.period()));
        vars.put("category", q.category());
        vars.put("scopeName", view.name());
        vars.put("view", view);
        vars.put("issuer", issuer);
        vars.put("year", Integer.toString(published.getYear()));
        vars.put("month", Integer.toString(published.getMonthValue()));
        vars.put("day", Integer.toString(published.getDayOfMonth()));
        vars.put("sections", sections);
        vars.put("scope", view.places());
        vars.put("notes", entries.stream().anyMatch(e -> !e.periodsMissing().isEmpty()));
        vars.put("css", Pdfs.BASE_CSS + CSS);
        return templates.process("public/gongshi", new Context(LocaleContextHolder.getLocale(), vars));
    }

    private static final String CSS = """
            h1 { font-size: 20pt; line-height: 1.4; margin: 0 0 18pt; }
            h2 { font-size: 13pt; font-weight: normal; margin: 14pt 0 6pt; }
            p.body { text-indent: 2em; margin: 0 0 6pt; }
            td.n, th.n { text-align: center; white-space: nowrap; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            .issuer { margin-top: 28pt; text-align: right; }
            .issuer p { margin: 0; }
            """;
}
