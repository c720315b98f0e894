package cn.kaoping.excellence.campaign;

import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Fact;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composite of an entry by the campaign's scheme (seed 002 三、4: satisfaction 50 %, experts 30 %, residents'
 * committee 20 %; floors 75/80/90, pass at 80 with every part strictly above its floor), once every part is in or a
 * veto is confirmed. The expert score is the panel's mean (at least 3 experts), or without the highest and the
 * lowest when the campaign says so and 5 or more scored. The satisfaction counts once announced for 7 days.
 */
@Component
public class Composite {

    public static final int MIN_PANEL = 3;
    public static final int SATISFACTION_NOTICE_DAYS = 7;

    private final HonourStore store;
    private final SchemeCatalog schemes;
    private final JsonMapper json;

    Composite(HonourStore store, SchemeCatalog schemes, JsonMapper json) {
        this.store = store;
        this.schemes = schemes;
        this.json = json;
    }

    /** The panel's score: the mean, trimmed of one highest and one lowest at 5 or more when asked; two decimals. */
    public static Optional<BigDecimal> expertScore(List<BigDecimal> scores, boolean trimmed) {
        if (scores.size() < MIN_PANEL) {
            return Optional.empty();
        }
        List<BigDecimal> used = new ArrayList<>(scores);
        used.sort(Comparator.naturalOrder());
        if (trimmed && used.size() >= 5) {
            used = used.subList(1, used.size() - 1);
        }
        BigDecimal sum = used.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(used.size()), 2, RoundingMode.HALF_UP));
    }

    /** Whether the satisfaction counts today: entered and announced for the notice days. */
    public static boolean satisfactionCounts(HonourStore.Entry e, LocalDate today) {
        return e.owners() != null && e.satisfactionPosted() != null
                && !e.satisfactionPosted().plusDays(SATISFACTION_NOTICE_DAYS).isAfter(today);
    }

    /** Recomputes the entry's proposed result and evaluation (null while a part is missing). */
    void refresh(HonourStore.Campaign c, long entryId, LocalDate today) {
        HonourStore.Entry e = store.entry(entryId).orElseThrow();
        List<Fact> facts = new ArrayList<>();
        if (e.vetoCode() != null) {
            facts.add(Fact.holds(e.vetoCode()));
        } else {
            List<HonourStore.PanelSeat> panel = store.panel(entryId);
            List<BigDecimal> scores = panel.stream().map(HonourStore.PanelSeat::score)
                    .filter(java.util.Objects::nonNull).toList();
            boolean allScored = scores.size() == panel.size();
            Optional<BigDecimal> expert = allScored ? expertScore(scores, c.trimmedMean()) : Optional.empty();
            if (!satisfactionCounts(e, today) || expert.isEmpty() || e.communityScore() == null) {
                store.update(entryId, "proposed = NULL, evaluation = NULL", Map.of());
                return;
            }
            facts.add(Fact.survey("owner-satisfaction", e.satisfied(), e.basicallySatisfied(), e.owners()));
            facts.add(Fact.value("expert", expert.get()));
            facts.add(Fact.value("committee", e.communityScore()));
        }
        Evaluation ev = schemes.evaluate(c.schemeCode(), c.schemeVersion(), today, facts);
        store.update(entryId, "proposed = :p, evaluation = CAST(:ev AS jsonb)",
                Map.of("p", ev.passed() ? "RETAIN" : "REVOKE", "ev", json.writeValueAsString(ev)));
    }

    public Optional<Evaluation> evaluation(HonourStore.Entry e) {
        return e.evaluation() == null ? Optional.empty() : Optional.of(json.readValue(e.evaluation(),
                Evaluation.class));
    }
}
