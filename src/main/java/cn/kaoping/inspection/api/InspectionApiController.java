package cn.kaoping.inspection.api;

import cn.kaoping.account.AccountDirectory;
import cn.kaoping.inspection.api.ApiViews.AssignRequest;
import cn.kaoping.inspection.api.ApiViews.Carried;
import cn.kaoping.inspection.api.ApiViews.CommentRequest;
import cn.kaoping.inspection.api.ApiViews.Created;
import cn.kaoping.inspection.api.ApiViews.DecisionRequest;
import cn.kaoping.inspection.api.ApiViews.InspectionJson;
import cn.kaoping.inspection.api.ApiViews.ObjectionRequest;
import cn.kaoping.inspection.api.ApiViews.PatrolRequest;
import cn.kaoping.inspection.api.ApiViews.TaskJson;
import cn.kaoping.inspection.internal.AssignInspection;
import cn.kaoping.inspection.internal.Finding;
import cn.kaoping.inspection.internal.InspectionObjections;
import cn.kaoping.inspection.internal.InspectionService;
import cn.kaoping.inspection.internal.PatrolService;
import cn.kaoping.inspection.internal.Patrols;
import cn.kaoping.inspection.internal.RoundDocuments;
import cn.kaoping.inspection.web.Files;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * Inspections through {@code /api/v1} with the screens' scope rules: findings, evidence, submission, review,
 * patrol records, objections and decisions, and the estate's score sheet.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "inspections", description = "检查任务：检查记录、佐证照片、提交、审核、巡查记录、异议")
@SecurityRequirement(name = "bearer")
class InspectionApiController {

    private final InspectionService inspections;
    private final AssignInspection assignments;
    private final InspectionObjections objecting;
    private final PatrolService patrols;
    private final RoundDocuments documents;

    InspectionApiController(InspectionService inspections, AssignInspection assignments,
                            InspectionObjections objecting, PatrolService patrols, RoundDocuments documents) {
        this.inspections = inspections;
        this.assignments = assignments;
        this.objecting = objecting;
        this.patrols = patrols;
        this.documents = documents;
    }

    @Operation(summary = "我的待办检查任务（进行中的轮次，截止日期早者在前）")
    @GetMapping("/tasks")
    List<TaskJson> tasks() {
        return inspections.openTasks(CurrentUser.get()).stream().map(TaskJson::of).toList();
    }

    @Operation(summary = "检查任务：检查记录、佐证、异议与当前得分")
    @GetMapping("/inspections/{id}")
    InspectionJson get(@PathVariable long id) {
        return InspectionJson.of(inspections.task(CurrentUser.get(), id));
    }

    @Operation(summary = "保存检查记录（只改动列出的规则；记录为空的规则被清除），返回新的得分")
    @PutMapping("/inspections/{id}/findings")
    Evaluation findings(@PathVariable long id, @RequestBody List<Finding> findings) {
        return inspections.saveFindings(CurrentUser.get(), id, findings);
    }

    @Operation(summary = "上传佐证照片（JPEG/PNG/WebP，按内容识别，不超过 10 MB）")
    @PostMapping("/inspections/{id}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    Created evidence(@PathVariable long id, @RequestParam String rule, @RequestPart("file") MultipartFile file) {
        return new Created(inspections.addEvidence(CurrentUser.get(), id, rule, Files.bytes(file),
                file.getOriginalFilename()));
    }

    @Operation(summary = "佐证照片")
    @GetMapping("/inspections/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long evidenceId) {
        InspectionService.Photo photo = inspections.evidence(CurrentUser.get(), id, evidenceId);
        return Files.photo(photo.contentType(), photo.content());
    }

    @Operation(summary = "提交检查（街道）")
    @PostMapping("/inspections/{id}/submit")
    Evaluation submit(@PathVariable long id) {
        return inspections.submit(CurrentUser.get(), id, List.of());
    }

    @Operation(summary = "审核通过（区）")
    @PostMapping("/inspections/{id}/accept")
    InspectionJson accept(@PathVariable long id) {
        inspections.accept(CurrentUser.get(), id);
        return get(id);
    }

    @Operation(summary = "退回并写明意见（区）；检查记录保留")
    @PostMapping("/inspections/{id}/return")
    InspectionJson returnIt(@PathVariable long id, @RequestBody CommentRequest body) {
        inspections.returnWithComments(CurrentUser.get(), id, body.comment());
        return get(id);
    }

    @Operation(summary = "指派检查任务给本街道办事处的检查人员（街道）；assignee 为空则取消指派")
    @PutMapping("/inspections/{id}/assignee")
    InspectionJson assign(@PathVariable long id, @RequestBody AssignRequest body) {
        assignments.assign(CurrentUser.get(), id, body.assignee());
        return get(id);
    }

    @Operation(summary = "可指派的检查人员（任务所在街道办事处的检查人员）")
    @GetMapping("/inspections/{id}/officers")
    List<AccountDirectory.Officer> officers(@PathVariable long id) {
        return assignments.officers(CurrentUser.get(), id);
    }

    @Operation(summary = "把本周期内未带入的巡查记录一次带入检查")
    @PostMapping("/inspections/{id}/carry-patrols")
    Carried carry(@PathVariable long id) {
        return new Carried(inspections.carryPatrols(CurrentUser.get(), id));
    }

    @Operation(summary = "公示期间对某项检查记录提出异议（物业服务企业）")
    @PostMapping(value = "/inspections/{id}/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created object(@PathVariable long id, @RequestBody ObjectionRequest body) {
        return new Created(objecting.object(CurrentUser.get(), id, body.rule(), body.reason(), null, null));
    }

    @Operation(summary = "公示期间提出异议并附佐证照片（multipart：rule、reason、file）")
    @PostMapping(value = "/inspections/{id}/objections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created objectWithPhoto(@PathVariable long id, @RequestParam String rule, @RequestParam String reason,
                            @RequestPart(value = "file", required = false) MultipartFile file) {
        return new Created(objecting.object(CurrentUser.get(), id, rule, reason, Files.bytes(file),
                file == null ? null : file.getOriginalFilename()));
    }

    @Operation(summary = "异议的佐证照片")
    @GetMapping("/inspections/{id}/objections/{objectionId}/photo")
    ResponseEntity<byte[]> objectionPhoto(@PathVariable long id, @PathVariable long objectionId) {
        InspectionService.Photo photo = objecting.objectionPhoto(CurrentUser.get(), id, objectionId);
        return Files.photo(photo.contentType(), photo.content());
    }

    @Operation(summary = "处理异议（区）：成立则更正检查记录，不成立则记录理由")
    @PostMapping("/objections/{id}/decision")
    void decide(@PathVariable long id, @RequestBody DecisionRequest body) {
        objecting.decide(CurrentUser.get(), id, body.upheld(), body.decision(),
                new Finding(null, body.count(), Boolean.TRUE.equals(body.holds()), body.value(), body.note()));
    }

    @Operation(summary = "小区评分表（.xlsx）")
    @GetMapping("/inspections/{id}/sheet.xlsx")
    ResponseEntity<byte[]> sheetXlsx(@PathVariable long id) {
        return Downloads.xlsx("评分表.xlsx", documents.sheetXlsx(CurrentUser.get(), id));
    }

    @Operation(summary = "小区评分表（PDF）")
    @GetMapping("/inspections/{id}/sheet.pdf")
    ResponseEntity<byte[]> sheetPdf(@PathVariable long id) {
        return Downloads.pdf("评分表.pdf", documents.sheetPdf(CurrentUser.get(), id));
    }

    @Operation(summary = "登记周巡查或月考核（老旧小区）")
    @PostMapping("/patrols")
    @ResponseStatus(HttpStatus.CREATED)
    Created patrol(@RequestBody PatrolRequest body) {
        Patrols.PatrolKind kind;
        try {
            kind = body.kind() == null ? null : Patrols.PatrolKind.valueOf(body.kind());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("kind", "kind 应为 WEEKLY 或 MONTHLY");
        }
        if (body.estateId() == null) {
            throw new ValidationException("estateId", "请指定小区");
        }
        return new Created(patrols.record(CurrentUser.get(), body.estateId(), kind, body.recordedOn(), body.rule(),
                body.count(), body.note(), null, null));
    }

    @Operation(summary = "小区的巡查记录（新的在前）")
    @GetMapping("/patrols")
    List<Patrols.PatrolRow> patrols(@RequestParam long estateId) {
        return patrols.ofEstate(CurrentUser.get(), estateId);
    }
}
