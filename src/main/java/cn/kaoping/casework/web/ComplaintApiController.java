package cn.kaoping.casework.web;

import cn.kaoping.casework.ComplaintFigures;
import cn.kaoping.casework.complaints.AnswerComplaint;
import cn.kaoping.casework.complaints.ComplaintQueries;
import cn.kaoping.casework.complaints.ComplaintStatus;
import cn.kaoping.casework.complaints.ComplaintStore;
import cn.kaoping.casework.complaints.FileComplaint;
import cn.kaoping.casework.complaints.HandleComplaint;
import cn.kaoping.casework.complaints.ImportHotlineOrders;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints (12345 / 8890 work orders) through {@code /api/v1/complaints}: the street office files (or a hotline
 * order arrives, once whatever how often), signs, assigns, pushes back and closes; the assigned company answers;
 * figures per region. Outside scope 404, wrong role 403, out of order 409, bad input 400.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "complaints", description = "投诉工单：登记、签收、派单、答复、办结、回访、退回，统计")
@SecurityRequirement(name = "bearer")
class ComplaintApiController {

    private final FileComplaint files;
    private final HandleComplaint steps;
    private final AnswerComplaint answers;
    private final ComplaintQueries queries;
    private final ComplaintFigures figures;
    private final ImportHotlineOrders hotline;
    private final cn.kaoping.casework.complaints.ComplaintToNotice toNotice;
    private final java.time.Clock clock;

    ComplaintApiController(FileComplaint files, HandleComplaint steps, AnswerComplaint answers,
                           ComplaintQueries queries, ComplaintFigures figures, ImportHotlineOrders hotline,
                           cn.kaoping.casework.complaints.ComplaintToNotice toNotice, java.time.Clock clock) {
        this.toNotice = toNotice;
        this.clock = clock;
        this.hotline = hotline;
        this.files = files;
        this.steps = steps;
        this.answers = answers;
        this.queries = queries;
        this.figures = figures;
    }

    record Summary(long id, long estateId, String estateName, String category, String status, String statusLabel,
                   String receivedAt, LocalDate signDue, LocalDate closeDue, String hotlineNo, boolean overdue) {
    }

    record Assignment(Long companyId, String department) {
    }

    /** One work order as the API shows it, with its steps. */
    record DetailJson(long id, long estateId, String estateName, String category, String categoryName, String source,
                      String hotlineNo, String receivedAt, String content, String complainant, String phone,
                      String status, String statusLabel, LocalDate signDue, LocalDate closeDue, String signedAt,
                      Long assigneeCompanyId, String assigneeDepartment, String answer, String answeredAt,
                      String closedAt, String verdict, String callback, String returnedReason,
                      List<ComplaintStore.Step> steps) {

        static DetailJson of(ComplaintQueries.Detail d, boolean showsComplainant) {
            var r = d.row();
            var c = r.complaint();
            return new DetailJson(c.id(), c.estateId(), r.estateName(), r.category(), r.categoryName(), r.source(),
                    r.hotlineNo(), text(r.receivedAt()), r.content(), showsComplainant ? r.complainant() : null,
                    showsComplainant ? r.phone() : null, c.status().name(), c.status().label(), c.signDue(),
                    c.closeDue(), text(c.signedAt()), c.assigneeCompanyId(), c.assigneeDepartment(), c.answer(),
                    text(c.answeredAt()), text(c.closedAt()), c.verdict() == null ? null : c.verdict().name(),
                    c.callback() == null ? null : c.callback().name(),
                    c.returnedReason(), d.steps());
        }

        private static String text(java.time.OffsetDateTime t) {
            return t == null ? null : t.toString();
        }
    }

    record Text(String text) {
    }

    @Operation(summary = "可见的投诉工单（最新 500 件），可按状态、类别、小区名称、来源、受理日期和是否超期筛选")
    @GetMapping
    List<Summary> list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                       @RequestParam(required = false) String estate, @RequestParam(required = false) String source,
                       @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(required = false) Boolean overdue) {
        ComplaintStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = ComplaintStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("status", "状态应为 RECEIVED、SIGNED、ASSIGNED、ANSWERED、CLOSED 或 RETURNED");
            }
        }
        LocalDate today = LocalDate.now(clock);
        var filter = new ComplaintStore.Filter(s, blankToNull(category), blankToNull(estate), blankToNull(source),
                from, to, Boolean.TRUE.equals(overdue) ? today : null);
        return queries.list(CurrentUser.get(), filter).stream().map(r -> new Summary(r.complaint().id(), r.complaint()
                .estateId(), r.estateName(), r.categoryName(), r.complaint().status().name(),
                r.complaint().status().label(), r.receivedAt().toString(), r.complaint().signDue(),
                r.complaint().closeDue(), r.hotlineNo(),
                r.complaint().signOverdueOn(today) || r.complaint().closeOverdueOn(today))).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Operation(summary = "登记投诉（街道办事处；带热线工单编号的按编号只登记一次）")
    @PostMapping
    ResponseEntity<Map<String, Object>> file(@RequestBody FileComplaint.Form form) {
        return files.file(CurrentUser.get(), form)
                .<ResponseEntity<Map<String, Object>>>map(id -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(Map.of("id", id)))
                .orElseGet(() -> ResponseEntity.ok(Map.of("status", "ALREADY_FILED")));
    }

    @Operation(summary = "导入热线（12345/8890）工单：.xlsx 或 UTF-8 .csv，按工单编号只登记一次，逐行报告问题")
    @PostMapping(path = "/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportHotlineOrders.Report importOrders(@RequestParam("file") org.springframework.web.multipart.MultipartFile file) {
        try {
            return hotline.importOrders(CurrentUser.get(), file.getBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Operation(summary = "一件工单及其每一步（投诉人姓名和电话只给街道办事处、区和市）")
    @GetMapping("/{id}")
    DetailJson get(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        return DetailJson.of(queries.get(p, id), p.role() != cn.kaoping.shared.Role.COMPANY_USER);
    }

    @Operation(summary = "签收")
    @PostMapping("/{id}/sign")
    Map<String, String> sign(@PathVariable long id) {
        steps.sign(CurrentUser.get(), id);
        return status(id);
    }

    @Operation(summary = "派单：派给小区的物业服务企业（companyId）或一个部门（department）")
    @PostMapping("/{id}/assign")
    Map<String, String> assign(@PathVariable long id, @RequestBody Assignment a) {
        steps.assign(CurrentUser.get(), id, a == null ? null : a.companyId(), a == null ? null : a.department());
        return status(id);
    }

    @Operation(summary = "退回（未处理），须写明理由")
    @PostMapping("/{id}/return")
    Map<String, String> pushBack(@PathVariable long id, @RequestBody Text reason) {
        steps.pushBack(CurrentUser.get(), id, reason == null ? null : reason.text());
        return status(id);
    }

    @Operation(summary = "承办企业（或部门）答复处理情况")
    @PostMapping("/{id}/answer")
    Map<String, String> answer(@PathVariable long id, @RequestBody Text text) {
        answers.answer(CurrentUser.get(), id, text == null ? null : text.text());
        return status(id);
    }

    /** The close: verdict (SUBSTANTIATED, PARTLY, UNFOUNDED) and callback; {@code text} is the callback's old name. */
    record Closing(String verdict, String callback, String text) {
    }

    @Operation(summary = "办结：核实情况 verdict（SUBSTANTIATED 属实、PARTLY 部分属实、UNFOUNDED 不属实）和回访 callback"
            + "（SATISFIED、BASICALLY_SATISFIED、UNSATISFIED）")
    @PostMapping("/{id}/close")
    Map<String, String> close(@PathVariable long id, @RequestBody Closing closing) {
        steps.close(CurrentUser.get(), id, closing == null ? null : closing.verdict(),
                closing == null ? null : closing.callback() != null ? closing.callback() : closing.text());
        return status(id);
    }

    @Operation(summary = "把投诉列入该小区的整改通知书草稿（没有则新建），业主照片一并带入；每张工单只列入一次")
    @PostMapping("/{id}/notice")
    cn.kaoping.rectification.ReportedProblems.NoticeRef notice(@PathVariable long id) {
        return toNotice.list(CurrentUser.get(), id);
    }

    @Operation(summary = "本辖区投诉统计：受理、按时签收、办结、按时办结、退回、回访满意度、30 日内重复投诉；可限一个小区或一家企业")
    @GetMapping("/figures")
    ComplaintFigures.Figures figures(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                     @RequestParam(required = false) Long estateId,
                                     @RequestParam(required = false) Long companyId) {
        KaopingPrincipal p = requireFigures(from, to);
        return figures.of(p.regionPath(), companyId, estateId, from, to);
    }

    /** Figures broken down per street, company or estate, with their total. */
    record Breakdown(String by, LocalDate from, LocalDate to, List<ComplaintFigures.Group> lines,
                     ComplaintFigures.Figures total) {
    }

    @Operation(summary = "本辖区投诉统计，按街道（street）、物业服务企业（company）或小区（estate）分列，并合计")
    @GetMapping("/figures/{by:street|company|estate}")
    Breakdown breakdown(@PathVariable String by, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        KaopingPrincipal p = requireFigures(from, to);
        List<ComplaintFigures.Group> lines = switch (by) {
            case "street" -> figures.byStreet(p.regionPath(), from, to);
            case "company" -> figures.byCompany(p.regionPath(), from, to);
            default -> figures.byEstateGroups(p.regionPath(), from, to);
        };
        return new Breakdown(by, from, to, lines,
                ComplaintFigures.sum(lines.stream().map(ComplaintFigures.Group::figures).toList()));
    }

    private static KaopingPrincipal requireFigures(LocalDate from, LocalDate to) {
        KaopingPrincipal p = CurrentUser.get();
        if (!p.role().readsRegionFigures()) {
            throw new ForbiddenException("投诉统计供街道办事处、区和市查看");
        }
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new ValidationException("to", "统计期间应从开始日到截止日，最长五年");
        }
        return p;
    }

    private Map<String, String> status(long id) {
        return Map.of("status", queries.get(CurrentUser.get(), id).row().complaint().status().name());
    }

}
