package cn.kaoping.rectification.api;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.rectification.internal.Ledger;
import cn.kaoping.rectification.internal.Notice;
import cn.kaoping.rectification.internal.NoticeDocuments;
import cn.kaoping.rectification.internal.NoticeStatus;
import cn.kaoping.rectification.internal.Problem;
import cn.kaoping.rectification.internal.ProblemStatus;
import cn.kaoping.rectification.internal.NoticeQueries;
import cn.kaoping.rectification.internal.RaiseNotice;
import cn.kaoping.rectification.internal.EditDraft;
import cn.kaoping.rectification.internal.IssueNotice;
import cn.kaoping.rectification.internal.AnswerNotice;
import cn.kaoping.rectification.internal.AcceptNotice;
import cn.kaoping.rectification.internal.NoticeTemplates;
import cn.kaoping.rectification.internal.Template;
import cn.kaoping.rectification.internal.Views;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rectification through {@code /api/v1/rectification} with the screens' scope rules (docs/rectification.md). */
@RestController
@RequestMapping("/api/v1/rectification")
@Tag(name = "rectification", description = "整改通知书：草稿、下达、企业整改、验收销号、重新打开、问题台账、模板")
@SecurityRequirement(name = "bearer")
class RectificationApiController {

    private final NoticeQueries queries;
    private final RaiseNotice raising;
    private final EditDraft drafts;
    private final IssueNotice issuing;
    private final AnswerNotice answers;
    private final AcceptNotice acceptance;
    private final NoticeTemplates templates;
    private final NoticeDocuments documents;
    private final Ledger ledger;

    RectificationApiController(NoticeQueries queries, RaiseNotice raising, EditDraft drafts, IssueNotice issuing, AnswerNotice answers, AcceptNotice acceptance, NoticeTemplates templates, NoticeDocuments documents, Ledger ledger) {
        this.queries = queries;
        this.raising = raising;
        this.drafts = drafts;
        this.issuing = issuing;
        this.answers = answers;
        this.acceptance = acceptance;
        this.templates = templates;
        this.documents = documents;
        this.ledger = ledger;
    }

    @Operation(summary = "整改通知书列表（按状态、是否逾期、街道筛选），新的在前")
    @GetMapping("/notices")
    Paged<Views.NoticeRow> list(@RequestParam(required = false) NoticeStatus status,
                                @RequestParam(defaultValue = "false") boolean overdue,
                                @RequestParam(required = false) Long street,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        int[] p = Paged.clamp(page, size);
        return queries.list(CurrentUser.get(), new Views.Filter(status, overdue, street), p[0], p[1]);
    }

    @Operation(summary = "一份整改通知书：问题、照片、整改情况、经过")
    @GetMapping("/notices/{id}")
    NoticeJson get(@PathVariable long id) {
        return NoticeJson.of(queries.page(CurrentUser.get(), id));
    }

    @Operation(summary = "手工发起整改通知书草稿：从检查扣分或巡查记录中选择问题（candidates 的 key），或直接填写问题")
    @PostMapping("/notices")
    @ResponseStatus(HttpStatus.CREATED)
    NoticeJson raise(@RequestBody RaiseRequest req) {
        if (req.estateId() == null) {
            throw new ValidationException("estateId", "请选择小区");
        }
        long id = raising.raise(CurrentUser.get(), req.estateId(), req.findings(), req.problem());
        return get(id);
    }

    @Operation(summary = "小区可列入通知书的问题：已公布轮次的扣分和巡查记录")
    @GetMapping("/estates/{estateId}/candidates")
    List<Views.Candidate> candidates(@PathVariable long estateId) {
        return raising.candidates(CurrentUser.get(), estateId);
    }

    @Operation(summary = "草稿增加问题")
    @PostMapping("/notices/{id}/problems")
    NoticeJson addProblem(@PathVariable long id, @RequestBody TextRequest req) {
        drafts.addProblem(CurrentUser.get(), id, req == null ? null : req.text());
        return get(id);
    }

    @Operation(summary = "草稿删除问题")
    @DeleteMapping("/notices/{id}/problems/{problemId}")
    NoticeJson removeProblem(@PathVariable long id, @PathVariable long problemId) {
        drafts.removeProblem(CurrentUser.get(), id, problemId);
        return get(id);
    }

    @Operation(summary = "下达：分配文号，确定整改期限，通知企业")
    @PostMapping("/notices/{id}/issue")
    NoticeJson issue(@PathVariable long id) {
        issuing.issue(CurrentUser.get(), id);
        return get(id);
    }

    @Operation(summary = "撤回草稿")
    @PostMapping("/notices/{id}/withdraw")
    NoticeJson withdraw(@PathVariable long id) {
        drafts.withdraw(CurrentUser.get(), id);
        return get(id);
    }

    @Operation(summary = "企业填写一个问题的整改情况")
    @PutMapping("/notices/{id}/problems/{problemId}/answer")
    NoticeJson answer(@PathVariable long id, @PathVariable long problemId, @RequestBody TextRequest req) {
        answers.answer(CurrentUser.get(), id, problemId, req == null ? null : req.text());
        return get(id);
    }

    @Operation(summary = "企业上传一个问题的整改照片（JPEG/PNG/WebP，按内容识别，不超过 10 MB）")
    @PostMapping(value = "/notices/{id}/problems/{problemId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> photo(@PathVariable long id, @PathVariable long problemId,
                            @RequestPart(required = false) MultipartFile file) throws java.io.IOException {
        byte[] bytes = file == null || file.isEmpty() ? new byte[0] : file.getBytes();
        return Map.of("id", answers.addAnswerPhoto(CurrentUser.get(), id, problemId, bytes,
                file == null ? null : file.getOriginalFilename()));
    }

    @Operation(summary = "企业报送整改情况（每个待整改问题都需有整改情况和至少一张照片）")
    @PostMapping("/notices/{id}/submit")
    NoticeJson submit(@PathVariable long id) {
        answers.submit(CurrentUser.get(), id);
        return get(id);
    }

    @Operation(summary = "验收合格，销号")
    @PostMapping("/notices/{id}/problems/{problemId}/accept")
    NoticeJson accept(@PathVariable long id, @PathVariable long problemId) {
        acceptance.decide(CurrentUser.get(), id, problemId, true, null);
        return get(id);
    }

    @Operation(summary = "验收不合格，写明原因退回企业")
    @PostMapping("/notices/{id}/problems/{problemId}/reject")
    NoticeJson reject(@PathVariable long id, @PathVariable long problemId, @RequestBody TextRequest req) {
        acceptance.decide(CurrentUser.get(), id, problemId, false, req == null ? null : req.text());
        return get(id);
    }

    @Operation(summary = "重新打开已销号的通知书（须写明原因）")
    @PostMapping("/notices/{id}/reopen")
    NoticeJson reopen(@PathVariable long id, @RequestBody TextRequest req) {
        acceptance.reopen(CurrentUser.get(), id, req == null ? null : req.text());
        return get(id);
    }

    @Operation(summary = "问题照片")
    @GetMapping("/notices/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        NoticeQueries.Photo ph = queries.photo(CurrentUser.get(), id, photoId);
        return Downloads.inline(ph.contentType(), ph.content());
    }

    @Operation(summary = "整改通知书 Word（.docx）")
    @GetMapping("/notices/{id}/notice.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        Views.NoticePage page = queries.page(CurrentUser.get(), id);
        return Downloads.docx(name(page.notice()) + ".docx",
                documents.docx(page.notice(), page.renderedBody()));
    }

    @Operation(summary = "整改通知书 PDF")
    @GetMapping("/notices/{id}/notice.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Views.NoticePage page = queries.page(CurrentUser.get(), id);
        return Downloads.pdf(name(page.notice()) + ".pdf", documents.pdf(page.notice(), page.renderedBody()));
    }

    @Operation(summary = "问题台账（可按问题状态、是否逾期筛选）")
    @GetMapping("/ledger")
    List<Views.LedgerRow> ledger(@RequestParam(required = false) ProblemStatus status,
                                 @RequestParam(defaultValue = "false") boolean overdue) {
        return ledger.rows(CurrentUser.get(), status, overdue);
    }

    @Operation(summary = "问题台账 Excel")
    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> ledgerXlsx(@RequestParam(required = false) ProblemStatus status,
                                      @RequestParam(defaultValue = "false") boolean overdue) {
        return Downloads.xlsx("问题台账.xlsx", ledger.xlsx(ledger.rows(CurrentUser.get(), status, overdue)));
    }

    @Operation(summary = "本区的整改通知书模板（区房产主管部门）")
    @GetMapping("/template")
    Template template() {
        return templates.template(CurrentUser.get());
    }

    @Operation(summary = "修改本区的整改通知书模板（区房产主管部门）")
    @PutMapping("/template")
    Template saveTemplate(@RequestBody TemplateRequest req) {
        return templates.saveTemplate(CurrentUser.get(), new Template(0, req.issuingBody(), req.numberPrefix(),
                req.heading(), req.body(), req.deadlineDays() == null ? 0 : req.deadlineDays(),
                req.reminderDays() == null ? 3 : req.reminderDays(), req.acceptanceMethod()));
    }

    private static String name(Notice n) {
        return (n.number() == null ? "整改通知书（草稿）" : n.number()) + " " + n.header().estateName();
    }

    /** A notice raised by hand: the estate, candidate keys and/or a written problem. */
    record RaiseRequest(Long estateId, List<String> findings, String problem) {
    }

    /** A text: a problem description, an answer, a rejection or reopening reason. */
    record TextRequest(String text) {
    }

    record TemplateRequest(String issuingBody, String numberPrefix, String heading, String body, Integer deadlineDays,
                           Integer reminderDays, String acceptanceMethod) {
    }

    record PhotoJson(long id, String kind) {
    }

    record ProblemJson(long id, int position, String ruleCode, String description, BigDecimal pointsLost,
                       String source, ProblemStatus status, String answer, String rejection, int rejections,
                       LocalDate closedOn, List<PhotoJson> photos) {
    }

    record StepJson(Integer problem, String action, String note, String actor, OffsetDateTime at) {
    }

    record NoticeJson(long id, NoticeStatus status, String number, String source, Long rankingId, String period,
                      long estateId, String estateName, String streetName, long companyId, String companyName,
                      String issuingBody, String heading, String body, String acceptanceMethod, String reason,
                      LocalDate issuedOn, LocalDate deadline, LocalDate closedOn, boolean overdue,
                      String reopenReason, List<ProblemJson> problems, List<StepJson> steps) {

        static NoticeJson of(Views.NoticePage page) {
            Notice n = page.notice();
            Notice.Header h = n.header();
            List<ProblemJson> problems = n.problems().stream().map(p -> problem(page, p)).toList();
            List<StepJson> steps = page.steps().stream()
                    .map(s -> new StepJson(s.position(), s.action(), s.note(), s.actor(), s.at())).toList();
            return new NoticeJson(n.id(), n.status(), n.number(), h.source(), h.rankingId(), h.period(), h.estateId(),
                    h.estateName(), h.streetName(), h.companyId(), h.companyName(), h.issuingBody(), h.heading(),
                    page.renderedBody(), h.acceptanceMethod(), h.reason(), n.issuedOn(), n.deadline(), n.closedOn(),
                    page.overdue(), n.reopenReason(), problems, steps);
        }

        private static ProblemJson problem(Views.NoticePage page, Problem p) {
            List<PhotoJson> photos = page.photos().getOrDefault(p.id(), List.of()).stream()
                    .map(ph -> new PhotoJson(ph.id(), ph.kind())).toList();
            return new ProblemJson(p.id(), p.position(), p.ruleCode(), p.description(), p.pointsLost(), p.source(),
                    p.status(), p.answer(), p.rejection(), p.rejections(), p.closedOn(), photos);
        }
    }
}
