package cn.kaoping.escalation.api;

import cn.kaoping.escalation.internal.Commendations;
import cn.kaoping.escalation.internal.DecideCircular;
import cn.kaoping.escalation.internal.DecideInterview;
import cn.kaoping.escalation.internal.DecidePenalty;
import cn.kaoping.escalation.internal.DismissSuggestion;
import cn.kaoping.escalation.internal.Exits;
import cn.kaoping.escalation.internal.Forms.CircularForm;
import cn.kaoping.escalation.internal.Forms.DismissForm;
import cn.kaoping.escalation.internal.Forms.ExitForm;
import cn.kaoping.escalation.internal.Forms.InterviewForm;
import cn.kaoping.escalation.internal.Forms.PenaltyForm;
import cn.kaoping.escalation.internal.LadderQueries;
import cn.kaoping.escalation.internal.SuggestionStatus;
import cn.kaoping.escalation.internal.Views;
import cn.kaoping.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ladder, exit recommendations and commendations through {@code /api/v1/escalation}, scoped like the screens:
 * regional users see their district's ladders (a street office those of its estates), a company user its own.
 */
@RestController
@RequestMapping("/api/v1/escalation")
@Tag(name = "escalation", description = "督办：通报、约谈、处罚的建议与决定，退出建议，评优推荐名单")
@SecurityRequirement(name = "bearer")
class EscalationApiController {

    private final LadderQueries ladder;
    private final DecideCircular circulars;
    private final DecideInterview interviews;
    private final DecidePenalty penalties;
    private final DismissSuggestion dismissals;
    private final Exits exits;
    private final Commendations commendations;

    EscalationApiController(LadderQueries ladder, DecideCircular circulars, DecideInterview interviews,
                            DecidePenalty penalties, DismissSuggestion dismissals, Exits exits,
                            Commendations commendations) {
        this.ladder = ladder;
        this.circulars = circulars;
        this.interviews = interviews;
        this.penalties = penalties;
        this.dismissals = dismissals;
        this.exits = exits;
        this.commendations = commendations;
    }

    @Operation(summary = "可见的督办记录（企业 × 区）")
    @GetMapping("/cases")
    List<Views.CaseRow> cases(@RequestParam(required = false) String q) {
        return ladder.cases(CurrentUser.get(), q);
    }

    @Operation(summary = "一家企业在一个区的督办阶梯：整改通知书、建议、通报、约谈、处罚")
    @GetMapping("/cases/{id}")
    Views.Ladder ladder(@PathVariable long id) {
        return ladder.ladder(CurrentUser.get(), id);
    }

    @Operation(summary = "督办建议（status 为 OPEN、DECIDED 或 DISMISSED，不填为全部）")
    @GetMapping("/suggestions")
    List<Views.Suggestion> suggestions(@RequestParam(required = false) SuggestionStatus status) {
        return ladder.suggestions(CurrentUser.get(), status);
    }

    @Operation(summary = "一条督办建议")
    @GetMapping("/suggestions/{id}")
    Views.Suggestion suggestion(@PathVariable long id) {
        return ladder.suggestion(CurrentUser.get(), id);
    }

    @Operation(summary = "决定通报（区房产主管部门）")
    @PostMapping("/suggestions/{id}/circular")
    @ResponseStatus(HttpStatus.CREATED)
    Views.Circular circular(@PathVariable long id, @RequestBody CircularForm form) {
        long circular = circulars.decide(CurrentUser.get(), id, form);
        return ladder.circular(CurrentUser.get(), circular);
    }

    @Operation(summary = "记录约谈（街道办事处或区房产主管部门）")
    @PostMapping("/suggestions/{id}/interview")
    @ResponseStatus(HttpStatus.CREATED)
    Views.Interview interview(@PathVariable long id, @RequestBody InterviewForm form) {
        long interview = interviews.decide(CurrentUser.get(), id, form);
        return ladder.interview(CurrentUser.get(), interview);
    }

    @Operation(summary = "作出处罚决定（罚款金额单位为元，或处罚措施）")
    @PostMapping("/suggestions/{id}/penalty")
    @ResponseStatus(HttpStatus.CREATED)
    Views.Penalty penalty(@PathVariable long id, @RequestBody PenaltyForm form) {
        long penalty = penalties.decide(CurrentUser.get(), id, form);
        return ladder.penalty(CurrentUser.get(), penalty);
    }

    @Operation(summary = "不采纳建议（须说明理由）")
    @PostMapping("/suggestions/{id}/dismiss")
    Views.Suggestion dismiss(@PathVariable long id, @RequestBody DismissForm form) {
        dismissals.dismiss(CurrentUser.get(), id, form);
        return ladder.suggestion(CurrentUser.get(), id);
    }

    @GetMapping("/circulars/{id}")
    Views.Circular circular(@PathVariable long id) {
        return ladder.circular(CurrentUser.get(), id);
    }

    @GetMapping("/interviews/{id}")
    Views.Interview interview(@PathVariable long id) {
        return ladder.interview(CurrentUser.get(), id);
    }

    @GetMapping("/penalties/{id}")
    Views.Penalty penalty(@PathVariable long id) {
        return ladder.penalty(CurrentUser.get(), id);
    }

    @Operation(summary = "退出建议（委员会成员：本小区的建议函）")
    @GetMapping("/exits")
    List<Views.Exit> exits() {
        return exits.list(CurrentUser.get());
    }

    @GetMapping("/exits/{id}")
    Views.Exit exit(@PathVariable long id) {
        return exits.get(CurrentUser.get(), id);
    }

    @Operation(summary = "提出退出建议（情形 3–6：POOR_SERVICE、PRICE_MISMATCH、LAW_VIOLATION、OTHER）")
    @PostMapping("/exits")
    @ResponseStatus(HttpStatus.CREATED)
    Views.Exit raise(@RequestBody ExitForm form) {
        long id = exits.raise(CurrentUser.get(), form);
        return exits.get(CurrentUser.get(), id);
    }

    @Operation(summary = "有推荐名单的排名")
    @GetMapping("/commendations")
    List<Views.CommendedRanking> commended() {
        return commendations.rankings(CurrentUser.get());
    }

    @Operation(summary = "一个排名的评优推荐名单")
    @GetMapping("/commendations/{rankingId}")
    List<Views.Commendation> commendations(@PathVariable long rankingId) {
        return commendations.list(CurrentUser.get(), rankingId);
    }
}
