package cn.kaoping.credit.api;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.CreditRecord;
import cn.kaoping.credit.Direction;
import cn.kaoping.credit.internal.ContestRecord;
import cn.kaoping.credit.internal.CreditAccess;
import cn.kaoping.credit.internal.CreditRankings;
import cn.kaoping.credit.internal.CreditService;
import cn.kaoping.credit.internal.CreditService.CompanyFile;
import cn.kaoping.credit.web.EvidenceResponses;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Credit files through {@code /api/v1/credit}, scoped like the screens (docs/credit.md). */
@RestController
@RequestMapping("/api/v1/credit")
@Tag(name = "credit", description = "信用档案：信用记录、信用分及其说明、异议、信用排名")
@SecurityRequirement(name = "bearer")
class CreditApiController {

    private final CreditService credit;
    private final ContestRecord disputes;
    private final CreditRankings rankings;

    CreditApiController(CreditService credit, ContestRecord disputes, CreditRankings rankings) {
        this.credit = credit;
        this.disputes = disputes;
        this.rankings = rankings;
    }

    record RecordRequest(Long companyId, Long managerId, Direction direction, CreditKind kind, LocalDate occurredOn,
                         String description) {
    }

    record DisputeRequest(String reason) {
    }

    record DecisionRequest(String decision, String reason) {
    }

    @Operation(summary = "范围内的企业及其信用分和名次（year 缺省为今年）")
    @GetMapping("/companies")
    List<CreditRankings.Row> companies(@RequestParam(required = false) Integer year) {
        KaopingPrincipal p = CurrentUser.get();
        int y = year == null ? credit.today().getYear() : year;
        Optional<Long> own = CreditAccess.ownCompany(p);
        if (own.isPresent()) {
            var s = credit.file(p, own.get(), y).score();
            return List.of(new CreditRankings.Row(own.get(), s.subjectName(), s.score(), 1, false, 1));
        }
        if (!CreditAccess.mayList(p)) {
            throw new NotFoundException("页面不存在");
        }
        return rankings.rank(y, p.regionPath());
    }

    @Operation(summary = "一家企业的信用档案：记录、异议、企业和项目负责人的信用分及逐条说明")
    @GetMapping("/companies/{id}")
    CompanyFile file(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return credit.file(CurrentUser.get(), id, year == null ? credit.today().getYear() : year);
    }

    @Operation(summary = "录入信用记录（街道办事处、区房产主管部门）")
    @PostMapping("/records")
    Map<String, Object> enter(@RequestBody RecordRequest r) {
        long id = credit.enter(CurrentUser.get(), new CreditService.ManualRecord(r.companyId(), r.managerId(),
                r.direction(), r.kind(), r.occurredOn(), r.description()));
        return Map.of("id", id);
    }

    @Operation(summary = "一条信用记录")
    @GetMapping("/records/{id}")
    CreditRecord record(@PathVariable long id) {
        return credit.record(CurrentUser.get(), id);
    }

    @Operation(summary = "上传证明材料（图片或 PDF，multipart 字段 file）")
    @PostMapping("/records/{id}/evidence")
    Object evidence(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return credit.addEvidence(CurrentUser.get(), id, file.getBytes(), file.getOriginalFilename());
    }

    @Operation(summary = "下载证明材料（记录的或异议的），Content-Type 为上传时按内容识别的类型")
    @GetMapping("/records/{id}/evidence/{file}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable UUID file) {
        return EvidenceResponses.of(credit.evidence(CurrentUser.get(), id, file)
                .orElseThrow(() -> new NotFoundException("文件不存在")));
    }

    @Operation(summary = "企业对记录提出异议")
    @PostMapping("/records/{id}/disputes")
    Map<String, Object> contest(@PathVariable long id, @RequestBody DisputeRequest r) {
        return Map.of("id", disputes.contest(CurrentUser.get(), id, r.reason(), null, null));
    }

    @Operation(summary = "区房产主管部门处理异议：decision = UPHOLD（维持）或 ANNUL（撤销）")
    @PostMapping("/disputes/{id}/decision")
    Map<String, Object> decide(@PathVariable long id, @RequestBody DecisionRequest r) {
        Boolean annul = "ANNUL".equals(r.decision()) ? Boolean.TRUE : "UPHOLD".equals(r.decision()) ? Boolean.FALSE
                : null;
        disputes.decide(CurrentUser.get(), id, annul, r.reason());
        return Map.of("id", id, "decision", r.decision());
    }

    @Operation(summary = "信用排名：范围内（或指定区）企业按该年度信用分排序，名次 1、2、2、4")
    @GetMapping("/ranking")
    List<CreditRankings.Row> ranking(@RequestParam int year) {
        KaopingPrincipal p = CurrentUser.get();
        if (!p.role().isRegional()) {
            throw new NotFoundException("页面不存在");
        }
        return rankings.rank(year, p.regionPath());
    }

    @Operation(summary = "计算并保存某年度的信用排名（市级管理员）；连续两年位列区后 3 名的企业提出退出建议")
    @PostMapping("/ranking/{year}")
    Map<String, Object> compute(@PathVariable int year) {
        KaopingPrincipal p = CurrentUser.get();
        if (!CreditAccess.mayCompute(p)) {
            throw new ForbiddenException("信用排名由市级管理员计算");
        }
        return Map.of("year", year, "exitRecommendations", rankings.compute(year));
    }
}
