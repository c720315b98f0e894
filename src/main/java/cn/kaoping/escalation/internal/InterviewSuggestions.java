package cn.kaoping.escalation.internal;

import cn.kaoping.escalation.internal.RungStore.IssuedCircular;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second rung's condition, checked daily ({@link InterviewCheck}): a 约谈 is suggested for a decided 通报 one of
 * whose notices is still not closed {@code interviewAfterDays} after it.
 */
@Service
public class InterviewSuggestions {

    private final RungStore rungs;
    private final CaseStore cases;
    private final SuggestionStore suggestions;
    private final SuggestionTransitions transitions;
    private final EscalationSettings settings;

    InterviewSuggestions(RungStore rungs, CaseStore cases, SuggestionStore suggestions,
                         SuggestionTransitions transitions, EscalationSettings settings) {
        this.rungs = rungs;
        this.cases = cases;
        this.suggestions = suggestions;
        this.transitions = transitions;
        this.settings = settings;
    }

    /**
     * Suggests a 约谈 for every decided 通报 issued {@code interviewAfterDays} or more days before {@code today} one of
     * whose notices was not closed by then (closed later, or not at all). Returns the suggestions raised.
     */
    @Transactional
    public List<Long> suggestInterviews(LocalDate today) {
        int days = settings.interviewAfterDays();
        List<Long> raised = new ArrayList<>();
        for (IssuedCircular c : rungs.circularsAwaitingInterview(today.minusDays(days))) {
            LocalDate deadline = c.issuedOn().plusDays(days);
            List<String> open = rungs.noticesOpenOn(c.id(), deadline);
            if (open.isEmpty()) {
                continue;
            }
            cases.lock(c.caseId());
            String key = "interview:circular:" + c.id();
            if (suggestions.triggered(key)) {
                continue;
            }
            String reason = "通报 %s 于 %s 发出已满 %d 天（%s），整改通知书 %s 仍未销号".formatted(c.number(), c.issuedOn(),
                    days, deadline, String.join("、", open));
            Suggestion s = suggestions.insert(c.caseId(), SuggestionKind.INTERVIEW, today, c.id(), null, reason);
            transitions.record(s);
            suggestions.trigger(key, s.id(), null, today, reason);
            raised.add(s.id());
        }
        return raised;
    }
}
