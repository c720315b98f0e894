package cn.kaoping.voting.disclosure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.kaoping.platform.web.FormData;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.SignedIn;
import cn.kaoping.support.WebSlice;
import cn.kaoping.voting.disclosure.EstateAccounts;
import cn.kaoping.voting.disclosure.FundStatement;
import cn.kaoping.voting.disclosure.PublishAccounts;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The 三公开 screen's steps without a database: a statement the use case refuses comes back to the page with every
 * field's reason and what the company typed (ADR 0004), a step out of order with its reason, a statement that is not
 * even well-formed reaches no use case, and a step done says so. The page itself and the rules are
 * {@code EstateAccountsTests}' and {@code FundStatementTests}'.
 */
@WebSlice(AccountsController.class)
class AccountsScreenStepsTests {

    private static final KaopingPrincipal COMPANY = new KaopingPrincipal(12, "company_user", "物业公司",
            Role.COMPANY_USER, null, null, 31L, null);
    private static final KaopingPrincipal COMMITTEE = new KaopingPrincipal(13, "committee_7", "业主委员会",
            Role.COMMITTEE_MEMBER, null, null, null, 7L);

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    EstateAccounts accounts;
    @MockitoBean
    PublishAccounts publish;

    @BeforeEach
    void asCompany() {
        SignedIn.as(COMPANY);
    }

    @Test
    void aRefusedStatementComesBackWithEveryReasonAndWhatWasTyped() {
        when(publish.state(any(), eq(7L), any())).thenThrow(new ValidationException(java.util.List.of(
                new ValidationException.FieldProblem("lines[0].voteId", "维修资金支出须注明业主共同决定的表决"),
                new ValidationException.FieldProblem("half", "该半年的收支已公布"))));
        MvcTestResult res = mvc.post().uri("/estates/7/accounts/statements").param("half", "2025-H1")
                .param("fundOpening", "100").param("fundClosing", "99.00").param("lines", "维修资金支出,路灯,,1")
                .exchange();
        assertThat(res).hasStatus(302).hasRedirectedUrl("/estates/7/accounts");
        assertThat(res).flash().containsEntry("problem", "维修资金支出须注明业主共同决定的表决；该半年的收支已公布")
                .doesNotContainKey("done");
        assertThat(res).flash().extractingByKey("form").isInstanceOfSatisfying(FormData.class, form -> {
            assertThat(form.value("fundClosing")).isEqualTo("99.00");
            assertThat(form.value("lines")).isEqualTo("维修资金支出,路灯,,1");
        });
        ArgumentCaptor<FundStatement> typed = ArgumentCaptor.forClass(FundStatement.class);
        verify(publish).state(any(), eq(7L), typed.capture());
        assertThat(typed.getValue().fundOpening()).isEqualByComparingTo(new BigDecimal("100"));
    }

    @Test
    void aStatementWhoseAmountIsNotANumberIsRefusedBeforeAnyUseCase() {
        MvcTestResult res = mvc.post().uri("/estates/7/accounts/statements").param("half", "2025-H1")
                .param("fundOpening", "一百").param("fundClosing", "98").param("lines", "").exchange();
        assertThat(res).hasStatus(302).hasRedirectedUrl("/estates/7/accounts");
        assertThat(res).flash().containsKey("problem").containsKey("form");
        verify(publish, never()).state(any(), anyLong(), any());
    }

    @Test
    void aConfirmationOutOfOrderComesBackWithItsReason() {
        SignedIn.as(COMMITTEE);
        doThrow(new ConflictException("该版本已确认")).when(publish).confirm(any(), eq("statement"), eq(40L));
        MvcTestResult res = mvc.post().uri("/estates/7/accounts/statement/40/confirm").exchange();
        assertThat(res).hasStatus(302).hasRedirectedUrl("/estates/7/accounts");
        assertThat(res).flash().containsEntry("problem", "该版本已确认").doesNotContainKey("done");
    }

    @Test
    void aConfirmationDoneSaysSo() {
        SignedIn.as(COMMITTEE);
        MvcTestResult res = mvc.post().uri("/estates/7/accounts/disclosure/41/confirm").exchange();
        assertThat(res).hasStatus(302).hasRedirectedUrl("/estates/7/accounts");
        assertThat(res).flash().containsEntry("done", "confirmed").doesNotContainKey("problem");
        verify(publish).confirm(any(), eq("disclosure"), eq(41L));
    }
}
