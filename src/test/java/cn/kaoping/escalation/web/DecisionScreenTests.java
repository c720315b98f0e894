package cn.kaoping.escalation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.kaoping.escalation.internal.DecideCircular;
import cn.kaoping.escalation.internal.DecideInterview;
import cn.kaoping.escalation.internal.DecidePenalty;
import cn.kaoping.escalation.internal.DismissSuggestion;
import cn.kaoping.escalation.internal.Documents;
import cn.kaoping.escalation.internal.Forms.InterviewForm;
import cn.kaoping.escalation.internal.LadderQueries;
import cn.kaoping.escalation.internal.SuggestionKind;
import cn.kaoping.escalation.internal.SuggestionStatus;
import cn.kaoping.escalation.internal.Views;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.SignedIn;
import cn.kaoping.support.WebSlice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The escalation decision screen without a database: a decision the use case refuses shows the page again with the
 * reason and what was typed, one decided leads to the new 约谈, a step out of order shows its reason, and a dismissal
 * without a reason decides nothing. The ladder itself is {@code EscalationFlowTests}'.
 */
@WebSlice(EscalationController.class)
class DecisionScreenTests {

    private static final KaopingPrincipal STREET = new KaopingPrincipal(11, "street_df", "东风街道办事处",
            Role.STREET_OFFICER, 5L, "/1/3/5/", null, null);
    private static final Views.Suggestion INTERVIEW = new Views.Suggestion(21, 3, SuggestionKind.INTERVIEW,
            SuggestionStatus.OPEN, LocalDate.of(2070, 4, 20), List.of("通报后 15 日仍未整改"), 9L, null, null, null,
            null, null, "某物业服务有限公司", "河东区");

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    LadderQueries ladder;
    @MockitoBean
    DecideCircular circulars;
    @MockitoBean
    DecideInterview interviews;
    @MockitoBean
    DecidePenalty penalties;
    @MockitoBean
    DismissSuggestion dismissals;
    @MockitoBean
    Documents documents;

    @BeforeEach
    void signIn() {
        SignedIn.as(STREET);
        when(ladder.suggestion(any(), eq(21L))).thenReturn(INTERVIEW);
        when(ladder.mayDecide(any(), any())).thenReturn(true);
        when(ladder.today()).thenReturn(LocalDate.of(2070, 4, 21));
    }

    private MvcTestResult interview(String heldOn) {
        return mvc.post().uri("/escalation/suggestions/21/decide").param("heldOn", heldOn)
                .param("place", "东风街道办事处会议室").param("attendees", "街道、区住建局、企业负责人")
                .param("minutes", "通报企业逾期未整改情况").param("commitments", "一个月内整改完毕").exchange();
    }

    @Test
    void anInterviewBeforeTheCircularShowsThePageAgainWithTheReasonAndWhatWasTyped() {
        when(interviews.decide(any(), eq(21L), any())).thenThrow(
                new ValidationException("heldOn", "约谈日期不能早于通报日期 2070-04-05"));
        MvcTestResult res = interview("2070-04-01");
        assertThat(res).hasStatusOk().hasViewName("escalation/suggestion");
        assertThat(res).bodyText().contains("约谈日期不能早于通报日期 2070-04-05").contains("value=\"2070-04-01\"")
                .contains("东风街道办事处会议室").contains("一个月内整改完毕");
    }

    @Test
    void anInterviewDecidedLeadsToIt() {
        when(interviews.decide(any(), eq(21L), any())).thenReturn(77L);
        MvcTestResult res = interview("2070-04-25");
        assertThat(res).hasStatus(302).hasRedirectedUrl("/escalation/interviews/77");
        verify(interviews).decide(any(), eq(21L), eq(new InterviewForm(LocalDate.of(2070, 4, 25), "东风街道办事处会议室",
                "街道、区住建局、企业负责人", "通报企业逾期未整改情况", "一个月内整改完毕")));
    }

    @Test
    void anInterviewAlreadyDecidedShowsWhy() {
        when(interviews.decide(any(), eq(21L), any())).thenThrow(new ConflictException("该建议已处理"));
        MvcTestResult res = interview("2070-04-25");
        assertThat(res).hasStatusOk().hasViewName("escalation/suggestion");
        assertThat(res).bodyText().contains("该建议已处理");
    }

    @Test
    void aDismissalWithoutAReasonIsShownAgainAndNothingIsDismissed() {
        when(ladder.suggestion(any(), eq(21L))).thenReturn(INTERVIEW);
        org.mockito.Mockito.doThrow(new ValidationException("reason", "请填写不采纳的理由")).when(dismissals)
                .dismiss(any(), eq(21L), any());
        MvcTestResult res = mvc.post().uri("/escalation/suggestions/21/dismiss").param("reason", " ").exchange();
        assertThat(res).hasStatusOk().hasViewName("escalation/suggestion");
        assertThat(res).bodyText().contains("请填写不采纳的理由");
        verify(interviews, never()).decide(any(), any(Long.class), any());
    }
}
