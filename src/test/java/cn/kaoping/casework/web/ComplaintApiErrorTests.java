package cn.kaoping.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.kaoping.casework.ComplaintFigures;
import cn.kaoping.casework.complaints.AnswerComplaint;
import cn.kaoping.casework.complaints.ComplaintQueries;
import cn.kaoping.casework.complaints.ComplaintToNotice;
import cn.kaoping.casework.complaints.FileComplaint;
import cn.kaoping.casework.complaints.HandleComplaint;
import cn.kaoping.casework.complaints.ImportHotlineOrders;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException.FieldProblem;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.SignedIn;
import cn.kaoping.support.WebSlice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The complaint API's error answers, without a database: a step the use case refuses comes back as an RFC 7807
 * problem with its status, message and (for bad input) the fields; the controller's own checks (figures only for
 * regional staff over at most five years, a known status filter) answer the same way; a body that is not JSON is a
 * 400 that reaches no use case.
 */
@WebSlice(ComplaintApiController.class)
class ComplaintApiErrorTests {

    private static final KaopingPrincipal STREET = new KaopingPrincipal(11, "xihu_officer", "西湖街道办事处",
            Role.STREET_OFFICER, 5L, "/1/3/5/", null, null);
    private static final KaopingPrincipal COMPANY = new KaopingPrincipal(12, "company_user", "物业公司",
            Role.COMPANY_USER, null, null, 31L, null);

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    FileComplaint files;
    @MockitoBean
    HandleComplaint steps;
    @MockitoBean
    AnswerComplaint answers;
    @MockitoBean
    ComplaintQueries queries;
    @MockitoBean
    ComplaintFigures figures;
    @MockitoBean
    ImportHotlineOrders hotline;
    @MockitoBean
    ComplaintToNotice toNotice;

    @Test
    void aComplaintWithSeveralBadFieldsIsA400NamingEachField() {
        SignedIn.as(STREET);
        when(files.file(any(), eq(new FileComplaint.Form(7L, "噪音", "", null, null, null, null))))
                .thenThrow(new ValidationException(List.of(new FieldProblem("category", "请选择投诉类别（环境卫生、设施设备）"),
                        new FieldProblem("content", "请填写投诉内容（最多 5000 字）"))));
        MvcTestResult res = mvc.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .content("{\"estateId\": 7, \"category\": \"噪音\", \"content\": \"\"}").exchange();
        assertThat(res).hasStatus(400);
        assertThat(res).bodyJson().extractingPath("$.title").isEqualTo("输入有误");
        assertThat(res).bodyJson().extractingPath("$.detail").isEqualTo("请选择投诉类别（环境卫生、设施设备）");
        assertThat(res).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("category", "content");
        assertThat(res).bodyJson().extractingPath("$.errors[1].message").isEqualTo("请填写投诉内容（最多 5000 字）");
    }

    @Test
    void closingAnOrderNotYetAnsweredIsA409SayingWhereItStands() {
        SignedIn.as(STREET);
        doThrow(new ConflictException("只有已答复的工单可以办结（当前：已派单）"))
                .when(steps).close(any(), eq(5L), eq("PARTLY"), eq("SATISFIED"));
        // the callback under its old name (text) still reaches the step
        MvcTestResult res = mvc.post().uri("/api/v1/complaints/5/close").contentType(MediaType.APPLICATION_JSON)
                .content("{\"verdict\": \"PARTLY\", \"text\": \"SATISFIED\"}").exchange();
        assertThat(res).hasStatus(409);
        assertThat(res).bodyJson().extractingPath("$.title").isEqualTo("状态冲突");
        assertThat(res).bodyJson().extractingPath("$.detail").isEqualTo("只有已答复的工单可以办结（当前：已派单）");
        verify(steps).close(any(), eq(5L), eq("PARTLY"), eq("SATISFIED"));
    }

    @Test
    void assigningToACompanyThatDoesNotServeTheEstateIsA400OnCompanyId() {
        SignedIn.as(STREET);
        doThrow(new ValidationException("companyId", "只能派给为该小区提供服务的物业服务企业"))
                .when(steps).assign(any(), eq(5L), eq(99L), isNull());
        MvcTestResult res = mvc.post().uri("/api/v1/complaints/5/assign").contentType(MediaType.APPLICATION_JSON)
                .content("{\"companyId\": 99}").exchange();
        assertThat(res).hasStatus(400);
        assertThat(res).bodyJson().extractingPath("$.detail").isEqualTo("只能派给为该小区提供服务的物业服务企业");
        assertThat(res).bodyJson().extractingPath("$.errors[0].field").isEqualTo("companyId");
    }

    @Test
    void aComplaintThatIsNotJsonIsA400AndFilesNothing() {
        SignedIn.as(STREET);
        MvcTestResult res = mvc.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .content("{\"estateId\": 7, \"content\": \"楼道堆物").exchange();
        assertThat(res).hasStatus(400);
        assertThat(res).bodyJson().extractingPath("$.title").isEqualTo("请求体无法解析");
        verify(files, never()).file(any(), any());
    }

    @Test
    void aCompanyAskingForComplaintFiguresIsA403() {
        SignedIn.as(COMPANY);
        MvcTestResult res = mvc.get().uri("/api/v1/complaints/figures?from=2026-01-01&to=2026-03-31").exchange();
        assertThat(res).hasStatus(403);
        assertThat(res).bodyJson().extractingPath("$.detail").isEqualTo("投诉统计供街道办事处、区和市查看");
        verifyNoInteractions(figures);
    }

    @Test
    void figuresOverAPeriodEndingBeforeItStartsOrLongerThanFiveYearsAreA400OnTo() {
        SignedIn.as(STREET);
        for (String period : List.of("from=2026-03-31&to=2026-01-01", "from=2020-01-01&to=2026-01-02")) {
            MvcTestResult res = mvc.get().uri("/api/v1/complaints/figures/street?" + period).exchange();
            assertThat(res).as(period).hasStatus(400);
            assertThat(res).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
            assertThat(res).bodyJson().extractingPath("$.detail").isEqualTo("统计期间应从开始日到截止日，最长五年");
        }
        verify(figures, never()).byStreet(anyString(), any(), any());
    }

    @Test
    void anUnknownStatusFilterIsA400OnStatusAndADateThatIsNotADateIsA400() {
        SignedIn.as(STREET);
        MvcTestResult res = mvc.get().uri("/api/v1/complaints?status=OPEN").exchange();
        assertThat(res).hasStatus(400);
        assertThat(res).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        assertThat(mvc.get().uri("/api/v1/complaints?from=yesterday")).hasStatus(400);
        verifyNoInteractions(queries);
    }
}
