package cn.kaoping.subsidy.api;

import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.subsidy.internal.ApproveClaim;
import cn.kaoping.subsidy.internal.BuildClaims;
import cn.kaoping.subsidy.internal.ClaimDocuments;
import cn.kaoping.subsidy.internal.ClaimQueries;
import cn.kaoping.subsidy.internal.CorrectLine;
import cn.kaoping.subsidy.internal.Forms.Correction;
import cn.kaoping.subsidy.internal.Forms.Payment;
import cn.kaoping.subsidy.internal.Forms.StepForm;
import cn.kaoping.subsidy.internal.PayClaim;
import cn.kaoping.subsidy.internal.Reports;
import cn.kaoping.subsidy.internal.ReviewClaim;
import cn.kaoping.subsidy.internal.SubmitClaim;
import cn.kaoping.subsidy.internal.SubsidyRates;
import cn.kaoping.subsidy.internal.Views;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Subsidy claims through {@code /api/v1/subsidies}: a street office sees its own claims, a district its streets'.
 * Wrong role 403, wrong order 409, missing fields 400, a claim out of scope 404.
 */
@RestController
@RequestMapping("/api/v1/subsidies")
@Tag(name = "subsidy", description = "老旧小区物业管理考核补贴：街道申报、指挥部办公室审核、区政府审批、财政拨付、街道拨付企业")
@SecurityRequirement(name = "bearer")
class SubsidyApiController {

    private final ClaimQueries claims;
    private final BuildClaims build;
    private final CorrectLine correction;
    private final SubmitClaim submission;
    private final ReviewClaim review;
    private final ApproveClaim approval;
    private final PayClaim payment;
    private final ClaimDocuments documents;
    private final SubsidyRates rates;
    private final Reports reports;

    SubsidyApiController(ClaimQueries claims, BuildClaims build, CorrectLine correction, SubmitClaim submission,
                         ReviewClaim review, ApproveClaim approval, PayClaim payment, ClaimDocuments documents,
                         SubsidyRates rates, Reports reports) {
        this.claims = claims;
        this.build = build;
        this.correction = correction;
        this.submission = submission;
        this.review = review;
        this.approval = approval;
        this.payment = payment;
        this.documents = documents;
        this.rates = rates;
        this.reports = reports;
    }

    @Operation(summary = "可见的补贴申报（可按年份筛选）")
    @GetMapping
    List<Views.ClaimRow> list(@RequestParam(required = false) Integer year) {
        return claims.claims(CurrentUser.get(), year);
    }

    @Operation(summary = "从已公布的半年考核轮次生成（或刷新草稿）补贴申报（区房产主管部门）")
    @PostMapping("/rounds/{roundId}")
    @ResponseStatus(HttpStatus.CREATED)
    List<Long> fromRound(@PathVariable long roundId) {
        return build.fromRound(CurrentUser.get(), roundId);
    }

    @Operation(summary = "一份补贴申报：明细与办理过程")
    @GetMapping("/{id}")
    Views.Claim claim(@PathVariable long id) {
        return claims.claim(CurrentUser.get(), id);
    }

    @Operation(summary = "一行明细的计算过程：等次 → 标准、面积（登记与采用）、月份、公式")
    @GetMapping("/lines/{id}")
    Views.LineAudit line(@PathVariable long id) {
        return claims.line(CurrentUser.get(), id);
    }

    @Operation(summary = "街道更正面积或进驻日期（须写原因，仅草稿）")
    @PutMapping("/lines/{id}")
    Views.Line correct(@PathVariable long id, @RequestBody Correction form) {
        return correction.correct(CurrentUser.get(), id, form);
    }

    @Operation(summary = "上传办理附件（PDF 或图片），返回文件 id，供各步骤的 document 使用")
    @PostMapping("/{id}/documents")
    @ResponseStatus(HttpStatus.CREATED)
    StoredFile upload(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return documents.upload(CurrentUser.get(), id, file.getBytes(), file.getOriginalFilename());
    }

    @Operation(summary = "街道提交申报")
    @PostMapping("/{id}/submit")
    Views.ClaimRow submit(@PathVariable long id, @RequestBody(required = false) StepForm form) {
        return submission.submit(CurrentUser.get(), id, form);
    }

    @Operation(summary = "指挥部办公室审核通过，报区政府审批")
    @PostMapping("/{id}/review")
    Views.ClaimRow review(@PathVariable long id, @RequestBody(required = false) StepForm form) {
        return review.review(CurrentUser.get(), id, form);
    }

    @Operation(summary = "指挥部办公室退回街道（须写原因）")
    @PostMapping("/{id}/return")
    Views.ClaimRow returnToStreet(@PathVariable long id, @RequestBody(required = false) StepForm form) {
        return review.returnToStreet(CurrentUser.get(), id, form == null ? new StepForm(null, null) : form);
    }

    @Operation(summary = "区政府审批（不能由审核人审批），金额自此锁定")
    @PostMapping("/{id}/approve")
    Views.ClaimRow approve(@PathVariable long id, @RequestBody(required = false) StepForm form) {
        return approval.approve(CurrentUser.get(), id, form);
    }

    @Operation(summary = "财政登记拨付到街道（金额与审批金额不同须说明）")
    @PostMapping("/{id}/payment")
    Views.ClaimRow payStreet(@PathVariable long id, @RequestBody Payment form) {
        return payment.payStreet(CurrentUser.get(), id, form);
    }

    @Operation(summary = "街道登记拨付到企业（一行）")
    @PostMapping("/lines/{id}/payment")
    Views.Line payCompany(@PathVariable long id, @RequestBody Payment form) {
        return payment.payCompany(CurrentUser.get(), id, form);
    }

    @Operation(summary = "补贴标准（元/㎡/月，按等次），本区某年")
    @GetMapping("/rates/{year}")
    Map<String, BigDecimal> rates(@PathVariable int year) {
        return reports.rates(CurrentUser.get(), year);
    }

    @Operation(summary = "设置本区某年的补贴标准（区房产主管部门）")
    @PutMapping("/rates/{year}")
    Map<String, BigDecimal> setRates(@PathVariable int year, @RequestBody Map<String, BigDecimal> rates) {
        return this.rates.setRates(CurrentUser.get(), year, rates);
    }

    @Operation(summary = "区汇总：按街道、按等次")
    @GetMapping("/district")
    Views.DistrictTotal district(@RequestParam int year) {
        return reports.district(CurrentUser.get(), year);
    }

    @Operation(summary = "待拨付：财政到街道、街道到企业")
    @GetMapping("/outstanding")
    List<Views.Outstanding> outstanding() {
        return reports.outstanding(CurrentUser.get());
    }

    @Operation(summary = "申报表（.xlsx）")
    @GetMapping("/{id}/sheet.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Views.Claim c = claims.claim(CurrentUser.get(), id);
        return Downloads.xlsx(Reports.filename(c.claim(), "xlsx"), reports.xlsx(c));
    }

    @Operation(summary = "申报表（PDF，公文格式）")
    @GetMapping("/{id}/sheet.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Views.Claim c = claims.claim(CurrentUser.get(), id);
        return Downloads.pdf(Reports.filename(c.claim(), "pdf"), reports.pdf(c));
    }
}
