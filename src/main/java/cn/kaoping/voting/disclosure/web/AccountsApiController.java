package cn.kaoping.voting.disclosure.web;

import cn.kaoping.shared.CurrentUser;
import cn.kaoping.voting.disclosure.EstateAccounts;
import cn.kaoping.voting.disclosure.FundStatement;
import cn.kaoping.voting.disclosure.PublishAccounts;
import cn.kaoping.voting.disclosure.ServiceDisclosure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 三公开 through {@code /api/v1/estates/{id}/...}: the company publishes the disclosure and half-year statements, the
 * owners' committee confirms, the region's offices read. Outside scope 404, wrong role 403, bad input 400 with the
 * field (an unbalanced fund names {@code fundClosing}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "disclosure", description = "三公开：服务内容、标准和收费，投诉渠道，公共收益和维修资金收支")
@SecurityRequirement(name = "bearer")
class AccountsApiController {

    private final EstateAccounts accounts;
    private final PublishAccounts publish;

    AccountsApiController(EstateAccounts accounts, PublishAccounts publish) {
        this.accounts = accounts;
        this.publish = publish;
    }

    record Created(long id) {
    }

    record StatementJson(String half, BigDecimal fundOpening, BigDecimal fundClosing, List<FundStatement.Line> lines) {
    }

    @Operation(summary = "小区三公开：服务信息各版本、各半年度收支、应公布而未公布的半年度")
    @GetMapping("/estates/{id}/disclosure")
    EstateAccounts.View get(@PathVariable long id) {
        return accounts.get(CurrentUser.get(), id);
    }

    @Operation(summary = "物业服务企业公布服务内容、标准、收费和投诉渠道（新版本）")
    @PostMapping("/estates/{id}/disclosure")
    @ResponseStatus(HttpStatus.CREATED)
    Created disclose(@PathVariable long id, @RequestBody ServiceDisclosure d) {
        ServiceDisclosure checked = d == null ? ServiceDisclosure.checked(null, null, null, null, null, null)
                : ServiceDisclosure.checked(d.services(), d.grade(), d.standard(), d.fees(), d.servicePhone(),
                d.channels());
        return new Created(publish.disclose(CurrentUser.get(), id, checked));
    }

    @Operation(summary = "物业服务企业公布半年度公共收益和维修资金收支（维修资金须平衡）")
    @PostMapping("/estates/{id}/fund-statements")
    @ResponseStatus(HttpStatus.CREATED)
    Created state(@PathVariable long id, @RequestBody StatementJson s) {
        FundStatement checked = s == null ? FundStatement.checked(null, null, null, List.of())
                : FundStatement.checked(s.half(), s.fundOpening(), s.fundClosing(), s.lines());
        return new Created(publish.state(CurrentUser.get(), id, checked));
    }

    @Operation(summary = "物业服务企业导入半年度收支（.xlsx，按模板；multipart：file，参数 half 如 2026-H1）；"
            + "有错误时全部不导入并返回逐行错误")
    @PostMapping(value = "/estates/{id}/fund-statements/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created importStatement(@PathVariable long id, @RequestParam(required = false) String half,
                            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new Created(publish.importStatement(CurrentUser.get(), id, half, in));
        }
    }

    @Operation(summary = "业主委员会确认服务信息（disclosure）或收支（statement）")
    @PostMapping("/{what:disclosures|fund-statements}/{record}/confirm")
    Map<String, String> confirm(@PathVariable String what, @PathVariable long record) {
        publish.confirm(CurrentUser.get(), what.equals("fund-statements") ? "statement" : "disclosure", record);
        return Map.of("status", "CONFIRMED");
    }
}
