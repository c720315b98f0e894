package cn.kaoping.ranking.publication;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import cn.kaoping.shared.Paged;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * What the public site, the open data and the 公示 read: published rankings through the {@link Rankings} facade
 * (which holds nothing unpublished), with the visitor's parameters checked once for all three.
 */
@Service
class PublicRankings {

    static final int PAGE_SIZE = 20;
    static final int MAX_TEXT = 50;
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(Q[1-4]|H[12]|\\d{2}))?");

    private final Rankings rankings;
    private final Snapshots snapshots;
    private final MessageSource messages;
    private final Map<Locale, Row.Words> words = new ConcurrentHashMap<>();

    PublicRankings(Rankings rankings, Snapshots snapshots, MessageSource messages) {
        this.rankings = rankings;
        this.snapshots = snapshots;
        this.messages = messages;
    }

    /** Published rankings, newest period first; of one scheme, or of all when the code is null. */
    List<RankingSummary> published(String schemeCode) {
        return rankings.list(schemeCode, null);
    }

    /** The published ranking of a scheme and period, or a 404 for anything else (unknown, malformed, unpublished). */
    RankingSummary ranking(String schemeCode, String period) {
        if (schemeCode == null || period == null || !SCHEME.matcher(schemeCode).matches()) {
            throw PublicProblem.notFound();
        }
        String code = period.trim().toUpperCase(Locale.ROOT);
        if (!PERIOD.matcher(code).matches()) {
            throw PublicProblem.notFound();
        }
        return rankings.find(schemeCode, code).orElseThrow(PublicProblem::notFound);
    }

    Facets facets(RankingSummary r) {
        return snapshots.of(r).facets();
    }

    /**
     * Checks the visitor's parameters against the ranking.
     *
     * @param pickCategory on the page, a ranking that ranks categories apart shows one category at a time: a blank
     *                     category means its first category, unless the visitor searches (then all categories);
     *                     elsewhere a blank category means all
     */
    PublicQuery query(RankingSummary r, String district, String category, String text, String page,
                      boolean pickCategory) {
        Facets f = facets(r);
        Facets.District d = null;
        if (district != null && !district.isBlank()) {
            String asked = district.trim();
            d = f.district(asked).orElseThrow(() -> PublicProblem.badParameter("publication.error.district",
                    asked.length() > 40 ? asked.substring(0, 40) + "…" : asked));
        }
        String q = text == null || text.isBlank() ? null : text.trim();
        if (q != null && q.length() > MAX_TEXT) {
            throw PublicProblem.badParameter("publication.error.text", MAX_TEXT);
        }
        String c;
        if (category == null || category.isBlank()) {
            c = pickCategory && r.separateByCategory() && q == null && !f.categories().isEmpty()
                    ? f.categories().get(0) : null;
        } else if (PublicQuery.ALL.equalsIgnoreCase(category.trim())) {
            c = null;
        } else {
            c = category.trim().toUpperCase(Locale.ROOT);
            String checked = c;
            if (java.util.Arrays.stream(EstateCategory.values()).noneMatch(v -> v.name().equals(checked))) {
                throw PublicProblem.badParameter("publication.error.category");
            }
        }
        int p = 1;
        if (page != null && !page.isBlank()) {
            try {
                p = Integer.parseInt(page.trim());
            } catch (NumberFormatException e) {
                p = 0;
            }
            if (p < 1) {
                throw PublicProblem.badParameter("publication.error.page");
            }
        }
        return new PublicQuery(r, f, d, c, q, p);
    }

    /** One page of the entries; a page past the end shows the last one. */
    Paged<RankingEntry> page(PublicQuery q) {
        List<RankingEntry> all = all(q);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(q.page(), pages);
        int from = (page - 1) * PAGE_SIZE;
        return new Paged<>(List.copyOf(all.subList(from, Math.min(all.size(), from + PAGE_SIZE))), page, PAGE_SIZE,
                all.size());
    }

    /** The page's rows with their words ready (see {@link Row}). */
    List<Row> rows(List<RankingEntry> entries, PublicQuery q) {
        Row.Words w = words.computeIfAbsent(LocaleContextHolder.getLocale(), l -> new Row.Words(messages, l));
        boolean showCategory = q.category() == null && q.ranking().separateByCategory();
        return entries.stream().map(e -> w.row(e, q.scope(), showCategory)).toList();
    }

    /** Every entry the query asks for, in place order (as {@code Rankings.entries} lists them). */
    List<RankingEntry> all(PublicQuery q) {
        return snapshots.of(q.ranking()).select(q);
    }

    /** "2051年第一季度", "2051年上半年", "2051年度", "2051年3月" (or the English equivalent). */
    String periodLabel(String period) {
        Matcher m = PERIOD.matcher(period);
        if (!m.matches()) {
            return period;
        }
        String year = m.group(1);
        String part = m.group(2);
        Locale locale = LocaleContextHolder.getLocale();
        if (part == null) {
            return messages.getMessage("publication.period.year", new Object[] {year}, locale);
        }
        if (part.startsWith("Q") || part.startsWith("H")) {
            return messages.getMessage("publication.period." + part, new Object[] {year}, locale);
        }
        return messages.getMessage("publication.period.month", new Object[] {year, Integer.toString(
                Integer.parseInt(part))}, locale);
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
