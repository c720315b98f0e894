package cn.kaoping.subsidy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.subsidy.internal.ApproveClaim;
import cn.kaoping.subsidy.internal.BuildClaims;
import cn.kaoping.subsidy.internal.ClaimDocuments;
import cn.kaoping.subsidy.internal.ClaimQueries;
import cn.kaoping.subsidy.internal.CorrectLine;
import cn.kaoping.subsidy.internal.Forms.StepForm;
import cn.kaoping.subsidy.internal.PayClaim;
import cn.kaoping.subsidy.internal.Reports;
import cn.kaoping.subsidy.internal.ReviewClaim;
import cn.kaoping.subsidy.internal.SubmitClaim;
import cn.kaoping.subsidy.internal.SubsidyRates;
import cn.kaoping.support.SignedIn;
import cn.kaoping.support.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The subsidy API's error answers, without a database: a refused step comes back as an RFC 7807 problem with its
 * status and message (and the field for bad input), a body that is not JSON as 400, never as a 500.
 */
@WebSlice(SubsidyApiController.class)
class SubsidyApiErrorTests {

    private static final KaopingPrincipal OFFICE = new KaopingPrincipal(7, "hedong_admin", "河东区房产主管部门",
            Role.DISTRICT_ADMIN, 2L, "/1/2/", null, null);

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    ClaimQueries claims;
    @MockitoBean
    BuildClaims build;
    @MockitoBean
    CorrectLine correction;
    @MockitoBean
    SubmitClaim submission;
    @MockitoBean
    ReviewClaim review;
    @MockitoBean
    ApproveClaim approval;
    @MockitoBean
    PayClaim payment;
    @MockitoBean
    ClaimDocuments documents;
    @MockitoBean
    SubsidyRates rates;
    @MockitoBean
    Reports reports;

    @BeforeEach
    void signIn() {
        SignedIn.as(OFFICE);
    }

    @Test
    void aReturnWithoutBodyReachesTheStepAsAnEmptyFormAndItsRefusalNamesTheField() {
        when(review.returnToStreet(any(), eq(5L), eq(new StepForm(null, null))))
                .thenThrow(new ValidationException("note", "请写明退回原因"));
        MvcTestResult res = mvc.post().uri("/api/v1/subsidies/5/return").exchange();
        assertThat(res).hasStatus(400);
        assertThat(res).bodyJson().extractingPath("$.detail").isEqualTo("请写明退回原因");
        assertThat(res).bodyJson().extractingPath("$.errors[0].field").isEqualTo("note");
    }

    @Test
    void theReviewerApprovingTheirOwnReviewGetsA403ProblemSayingWhy() {
        when(approval.approve(any(), eq(5L), any()))
                .thenThrow(new ForbiddenException("审核人不能再审批同一份申报（四眼原则）：请由另一位区级负责人审批"));
        MvcTestResult res = mvc.post().uri("/api/v1/subsidies/5/approve").contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"同意\"}").exchange();
        assertThat(res).hasStatus(403);
        assertThat(res).bodyJson().extractingPath("$.detail").asString().contains("四眼原则");
        verify(approval).approve(any(), eq(5L), eq(new StepForm("同意", null)));
    }

    @Test
    void aPaymentThatIsNotJsonIsA400AndRecordsNothing() {
        MvcTestResult res = mvc.post().uri("/api/v1/subsidies/5/payment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"paidOn\": \"2111-08-01\", \"amount\": ").exchange();
        assertThat(res).hasStatus(400);
        assertThat(res).bodyJson().extractingPath("$.title").isEqualTo("请求体无法解析");
        verify(payment, never()).payStreet(any(), anyLong(), any());
    }

    @Test
    void aClaimIdThatIsNotANumberIsA400() {
        assertThat(mvc.get().uri("/api/v1/subsidies/abc")).hasStatus(400);
    }
}
