package cn.kaoping.inspection.api;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.inspection.api.ApiViews.ResultJson;
import cn.kaoping.inspection.api.ApiViews.RoundJson;
import cn.kaoping.inspection.api.ApiViews.Scored;
import cn.kaoping.inspection.api.ApiViews.TaskJson;
import cn.kaoping.inspection.internal.RevisionForm;
import cn.kaoping.inspection.internal.RoundDocuments;
import cn.kaoping.inspection.internal.RoundForm;
import cn.kaoping.inspection.internal.RoundService;
import cn.kaoping.inspection.internal.Rounds;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rounds through {@code /api/v1}: open, list, transitions, scoring, published revisions and exports. */
@RestController
@RequestMapping("/api/v1/rounds")
@Tag(name = "rounds", description = "考评轮次：发起、启动、公示、公布、更正、导出")
@SecurityRequirement(name = "bearer")
class RoundApiController {

    private final RoundService rounds;
    private final Rounds store;
    private final RoundDocuments documents;

    RoundApiController(RoundService rounds, Rounds store, RoundDocuments documents) {
        this.rounds = rounds;
        this.store = store;
        this.documents = documents;
    }

    @Operation(summary = "可见的考评轮次")
    @GetMapping
    List<RoundJson> list() {
        return rounds.list(CurrentUser.get()).stream().map(s -> RoundJson.of(s.round())).toList();
    }

    @Operation(summary = "发起考评轮次（草稿），按筛选条件为辖区内小区建立检查任务")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RoundJson create(@Valid @RequestBody RoundForm form) {
        return RoundJson.of(rounds.create(CurrentUser.get(), form));
    }

    @Operation(summary = "考评轮次")
    @GetMapping("/{id}")
    RoundJson get(@PathVariable long id) {
        return RoundJson.of(rounds.get(CurrentUser.get(), id));
    }

    @Operation(summary = "轮次中可见的检查任务（得分高者在前）")
    @GetMapping("/{id}/inspections")
    List<TaskJson> inspections(@PathVariable long id) {
        return rounds.tasks(CurrentUser.get(), id).stream().map(TaskJson::of).toList();
    }

    @Operation(summary = "启动轮次（草稿 → 进行中）")
    @PostMapping("/{id}/open")
    RoundJson open(@PathVariable long id) {
        return RoundJson.of(rounds.open(CurrentUser.get(), id));
    }

    @Operation(summary = "进入公示（全部检查审核通过后）")
    @PostMapping("/{id}/publicity")
    RoundJson publicity(@PathVariable long id) {
        return RoundJson.of(rounds.startPublicity(CurrentUser.get(), id));
    }

    @Operation(summary = "公布结果（公示期满、异议处理完毕后），生成第 1 版不可变快照")
    @PostMapping("/{id}/publish")
    ResultJson publish(@PathVariable long id) {
        return ResultJson.of(rounds.publish(CurrentUser.get(), id));
    }

    @Operation(summary = "更正已公布的结果：新版本快照，必须说明理由")
    @PostMapping("/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    ResultJson revise(@PathVariable long id, @RequestBody RevisionForm form) {
        return ResultJson.of(rounds.revise(CurrentUser.get(), id, form));
    }

    @Operation(summary = "已公布的各版本（新版本在前），含哈希校验结果")
    @GetMapping("/{id}/results")
    List<ResultJson> results(@PathVariable long id) {
        return rounds.results(CurrentUser.get(), id).stream().map(ResultJson::of).toList();
    }

    @Operation(summary = "某一版本的快照内容（jsonb 原文，哈希即其 SHA-256）")
    @GetMapping(value = "/{id}/results/{revision}", produces = MediaType.APPLICATION_JSON_VALUE)
    String content(@PathVariable long id, @PathVariable int revision) {
        rounds.get(CurrentUser.get(), id);
        return store.content(id, revision).orElseThrow(() -> new NotFoundException("该版本不存在"));
    }

    @Operation(summary = "按固定的考评标准版本为整轮重新计分（主管部门）")
    @PostMapping("/{id}/score")
    Scored score(@PathVariable long id) {
        KaopingPrincipal p = CurrentUser.get();
        long t0 = System.nanoTime();
        int n = rounds.scoreAll(p, id);
        return new Scored(n, (System.nanoTime() - t0) / 1_000_000);
    }

    @Operation(summary = "考评结果表（.xlsx）")
    @GetMapping("/{id}/results.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return Downloads.xlsx("考评结果.xlsx", documents.resultsXlsx(CurrentUser.get(), id));
    }

    @Operation(summary = "考评结果表（PDF）")
    @GetMapping("/{id}/results.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return Downloads.pdf("考评结果.pdf", documents.resultsPdf(CurrentUser.get(), id));
    }
}
