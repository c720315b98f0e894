package cn.kaoping.ranking.publication;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a public ranking page to bytes and keeps recent pages, keyed by the ranking's computation and the
 * page's stable link, so a page many visitors open (a district's first page, the city's) is rendered once per
 * computation. A recomputed ranking has a new {@code computedAt}, so its pages are rendered afresh; the old ones age
 * out. Why: rendering is most of the page's cost (3–4 ms of CPU, against 1.2–1.6 ms for the frame alone), and a
 * two-core server at 32 concurrent visitors needs well under 2 ms per page for p99 under 100 ms
 * (docs/benchmarks/public.md).
 */
@Component
class Pages {

    private final TemplateEngine templates;
    private final long budget;
    private final LinkedHashMap<String, byte[]> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long used;

    /** A rendered page, and whether it came from memory (the X-Cache header says so, for the benchmark). */
    record Page(byte[] html, boolean kept) {
    }

    Pages(TemplateEngine templates, PublicationSettings settings) {
        this.templates = templates;
        this.budget = settings.pageCache().toBytes();
    }

    /** The page of a query, rendered with the model the supplier gives when it is not kept. */
    Page ranking(PublicQuery q, String contextPath, Locale locale, Supplier<Map<String, Object>> model) {
        String key = q.ranking().id() + "|" + q.ranking().computedAt() + "|" + locale + "|" + contextPath + "|"
                + q.pageLink(q.page());
        byte[] page = get(key);
        if (page != null) {
            return new Page(page, true);
        }
        page = templates.process("public/ranking", new Context(locale, model.get())).getBytes(StandardCharsets.UTF_8);
        put(key, page);
        return new Page(page, false);
    }

    private synchronized byte[] get(String key) {
        return budget == 0 ? null : kept.get(key);
    }

    private synchronized void put(String key, byte[] page) {
        if (budget == 0 || page.length > budget) {
            return;
        }
        byte[] before = kept.put(key, page);
        used += page.length - (before == null ? 0 : before.length);
        Iterator<byte[]> eldest = kept.values().iterator();
        while (used > budget && eldest.hasNext()) {
            used -= eldest.next().length;
            eldest.remove();
        }
    }
}
