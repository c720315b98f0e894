package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.RungStore.HeldInterview;
import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.ListedEstate;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The third rung's condition: when the next round ranked after a decided 约谈 lists an estate of the company in the
 * district's bottom list again (仍无显著提升), a 处罚 is suggested.
 */
@Service
public class PenaltyAfterInterview {

    private final RungStore rungs;
    private final CaseStore cases;
    private final SuggestionStore suggestions;
    private final SuggestionTransitions transitions;
    private final Rankings rankings;
    private final Clock clock;

    PenaltyAfterInterview(RungStore rungs, CaseStore cases, SuggestionStore suggestions,
                          SuggestionTransitions transitions, Rankings rankings, Clock clock) {
        this.rungs = rungs;
        this.cases = cases;
        this.suggestions = suggestions;
        this.transitions = transitions;
        this.rankings = rankings;
        this.clock = clock;
    }

    /**
     * A round's bottom list of a district: for each decided 约谈 of a listed company in that district, when this
     * ranking is the first round whose period starts after the interview, suggests a 处罚.
     */
    @Transactional
    public List<Long> roundBottom(BottomRanked e) {
        if (e.kind() != PeriodKind.ROUND) {
            return List.of();
        }
        Map<Long, List<ListedEstate>> byCompany = e.estates().stream().filter(l -> l.companyId() != null)
                .collect(Collectors.groupingBy(ListedEstate::companyId));
        if (byCompany.isEmpty()) {
            return List.of();
        }
        List<HeldInterview> interviews = rungs.interviewsAwaitingPenalty(e.districtId(), byCompany.keySet());
        if (interviews.isEmpty()) {
            return List.of();
        }
        RankingSummary ranking = rankings.find(e.rankingId()).orElseThrow();
        List<Long> raised = new ArrayList<>();
        for (HeldInterview h : interviews) {
            if (!ranking.periodStart().isAfter(h.heldOn())) {
                continue;
            }
            Optional<LocalDate> next = rankings.withCompany(h.companyId(), h.districtPath()).stream()
                    .filter(r -> r.kind() == PeriodKind.ROUND && r.periodStart().isAfter(h.heldOn()))
                    .map(RankingSummary::periodStart).min(LocalDate::compareTo);
            if (next.isEmpty() || !next.get().equals(ranking.periodStart())) {
                continue; // an earlier round after the interview already showed whether the company improved
            }
            cases.lock(h.caseId());
            String key = "penalty:interview:" + h.id();
            if (suggestions.triggered(key)) {
                continue;
            }
            List<ListedEstate> listed = byCompany.get(h.companyId());
            listed.forEach(l -> cases.addEstate(h.caseId(), l.estateId(), l.estateName()));
            String places = listed.stream().map(l -> "%s（第 %d 名，%s 分）".formatted(l.estateName(), l.rank(),
                    l.score() == null ? "—" : l.score().toPlainString())).collect(Collectors.joining("、"));
            String reason = "约谈 %s（%s）后的下一轮考评 %s（%s）中，%s 仍列%s后 %d 名".formatted(h.number(), h.heldOn(),
                    ranking.period(), ranking.schemeTitle(), places, e.districtName(), e.n());
            Suggestion s = suggestions.insert(h.caseId(), SuggestionKind.PENALTY, LocalDate.now(clock), h.id(),
                    e.rankingId(), reason);
            transitions.record(s);
            suggestions.trigger(key, s.id(), null, LocalDate.now(clock), reason);
            raised.add(s.id());
        }
        return raised;
    }
}
