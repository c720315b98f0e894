package cn.kaoping.scheme.api;

import cn.kaoping.scheme.engine.FactProblem;
import cn.kaoping.scheme.engine.InvalidFactsException;
import cn.kaoping.scheme.engine.SchemeFormatException;
import cn.kaoping.scheme.engine.SchemeProblem;
import cn.kaoping.scheme.internal.SchemeSummary;
import cn.kaoping.scheme.internal.SchemeVersion;
import cn.kaoping.scheme.internal.SchemeVersions;
import cn.kaoping.scheme.internal.SchemeView;
import cn.kaoping.scheme.engine.Fact;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.kaoping.platform.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Scoring schemes through {@code /api/v1}: list, show, download, evaluate (the what-if calculator), and for
 * administrators clone to a draft, upload a draft's YAML and publish it.
 */
@RestController
@RequestMapping("/api/v1/schemes")
@Tag(name = "schemes", description = "考评标准：查询、下载、试算、复制草稿、上传、发布")
@SecurityRequirement(name = "bearer")
class SchemeApiController {

    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    private final SchemeVersions versions;

    SchemeApiController(SchemeVersions versions) {
        this.versions = versions;
    }

    @Operation(summary = "考评标准列表（每个标准的最新发布版本及草稿）")
    @GetMapping
    List<SchemeSummary> list() {
        return versions.list();
    }

    @Operation(summary = "考评标准的最新发布版本：考核项目、规则、等次、否决项")
    @GetMapping("/{code}")
    SchemeView latest(@PathVariable String code) {
        return view(versions.latestPublished(code));
    }

    @Operation(summary = "考评标准的全部版本（新版本在前）")
    @GetMapping("/{code}/versions")
    List<SchemeVersionInfo> versions(@PathVariable String code) {
        return versions.versions(code).stream().map(SchemeVersionInfo::of).toList();
    }

    @Operation(summary = "考评标准的某一版本（含草稿）")
    @GetMapping("/{code}/versions/{version}")
    SchemeView version(@PathVariable String code, @PathVariable int version) {
        return view(versions.get(code, version));
    }

    @Operation(summary = "下载最新发布版本的 YAML")
    @GetMapping("/{code}/yaml")
    ResponseEntity<byte[]> yaml(@PathVariable String code) {
        return download(versions.latestPublished(code));
    }

    @Operation(summary = "下载某一版本的 YAML")
    @GetMapping("/{code}/versions/{version}/yaml")
    ResponseEntity<byte[]> yaml(@PathVariable String code, @PathVariable int version) {
        return download(versions.get(code, version));
    }

    @Operation(summary = "试算：按事实计算得分、等次和扣分说明（默认用最新发布版本，可用 version 指定版本）")
    @PostMapping("/{code}/evaluate")
    EvaluationResponse evaluate(@PathVariable String code, @RequestParam(required = false) Integer version,
                                @RequestBody EvaluateRequest request) {
        SchemeVersion v = version == null ? versions.latestPublished(code) : versions.get(code, version);
        if (request.unknown() != null && !request.unknown().isEmpty()) {
            String field = request.unknown().keySet().iterator().next();
            throw new ValidationException(field, "未知字段 " + field + "（可用字段：asOf、facts）");
        }
        List<FactInput> inputs = request.facts() == null ? List.of() : request.facts();
        List<FactProblem> problems = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            FactInput in = inputs.get(i);
            if (in == null) {
                facts.add(null);
                continue;
            }
            if (in.unknown() != null) {
                for (String field : in.unknown().keySet()) {
                    problems.add(new FactProblem(i, in.rule(), "未知字段 " + field));
                }
            }
            facts.add(in.toFact());
        }
        if (!problems.isEmpty()) {
            throw new InvalidFactsException(problems);
        }
        return EvaluationResponse.of(versions.evaluate(v, request.asOf(), facts));
    }

    @Operation(summary = "复制为新草稿（默认复制最新发布版本，可用 from 指定）")
    @PostMapping("/{code}/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    SchemeView cloneDraft(@PathVariable String code, @RequestParam(required = false) Integer from) {
        return view(versions.cloneDraft(CurrentUser.get(), code, from));
    }

    @Operation(summary = "上传草稿的 YAML（请求体为 YAML 文本）；有误时返回 422 和逐行问题列表")
    @PutMapping("/{code}/versions/{version}/yaml")
    SchemeView upload(@PathVariable String code, @PathVariable int version, @RequestBody String yaml,
                      @RequestParam(required = false) String file) {
        return view(versions.replaceYaml(CurrentUser.get(), code, version, file, yaml));
    }

    @Operation(summary = "上传草稿的 YAML 文件（multipart，字段名 file；PUT 或 POST）")
    @RequestMapping(value = "/{code}/versions/{version}/yaml", method = {RequestMethod.PUT, RequestMethod.POST},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SchemeView uploadFile(@PathVariable String code, @PathVariable int version,
                          @RequestPart("file") MultipartFile file) throws IOException {
        return view(versions.replaceYaml(CurrentUser.get(), code, version, file.getOriginalFilename(),
                new String(file.getBytes(), StandardCharsets.UTF_8)));
    }

    @Operation(summary = "发布草稿；发布后不可修改")
    @PostMapping("/{code}/versions/{version}/publish")
    SchemeView publish(@PathVariable String code, @PathVariable int version) {
        return view(versions.publish(CurrentUser.get(), code, version));
    }

    private SchemeView view(SchemeVersion v) {
        return SchemeView.of(v, versions.scheme(v));
    }

    static ResponseEntity<byte[]> download(SchemeVersion v) {
        return Downloads.attachment(v.fileName(), YAML).body(v.yaml().getBytes(StandardCharsets.UTF_8));
    }

    /** Facts that do not fit the scheme: 400 naming each fact by index and rule. */
    @ExceptionHandler(InvalidFactsException.class)
    ProblemDetail invalidFacts(InvalidFactsException e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FactProblem p : e.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("index", p.index());
            error.put("rule", p.rule());
            error.put("field", "facts[" + p.index() + "]");
            error.put("message", p.message());
            errors.add(error);
        }
        FactProblem first = e.problems().get(0);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "facts[" + first.index()
                + "]" + (first.rule() == null ? "" : "（" + first.rule() + "）") + "：" + first.message());
        problem.setTitle("事实有误");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A malformed scheme upload: 422 listing every problem with file, line and field. */
    @ExceptionHandler(SchemeFormatException.class)
    ProblemDetail malformed(SchemeFormatException e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (SchemeProblem p : e.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", p.file());
            error.put("line", p.line());
            error.put("field", p.field());
            error.put("message", p.message());
            errors.add(error);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "标准文件有 " + errors.size() + " 处问题，未保存：" + e.problems().get(0));
        problem.setTitle("标准文件有误");
        problem.setProperty("errors", errors);
        return problem;
    }
}
