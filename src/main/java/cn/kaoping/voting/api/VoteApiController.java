package cn.kaoping.voting.api;

import cn.kaoping.shared.CurrentUser;
import cn.kaoping.voting.internal.CountRoll.UnitInput;
import cn.kaoping.voting.internal.DraftVote;
import cn.kaoping.voting.internal.KeyInBallots;
import cn.kaoping.voting.internal.KeyInBallots.PaperBallot;
import cn.kaoping.voting.internal.VoteQueries;
import cn.kaoping.voting.internal.VoteTransitions;
import cn.kaoping.voting.internal.Votes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owners' votes through {@code /api/v1/votes}: the committee drafts, the street office approves, the roll is frozen
 * as the window opens, paper ballots are keyed in, the close counts each proposal. Outside scope 404, wrong role 403,
 * out of order 409, bad input 400.
 */
@RestController
@RequestMapping("/api/v1/votes")
@Tag(name = "voting", description = "业主共同决定：起草、街道审核、公告、冻结名册、录入表决票、计票")
@SecurityRequirement(name = "bearer")
class VoteApiController {

    private final DraftVote drafts;
    private final VoteTransitions transitions;
    private final KeyInBallots ballots;
    private final VoteQueries queries;
    private final JsonMapper json;

    VoteApiController(DraftVote drafts, VoteTransitions transitions, KeyInBallots ballots, VoteQueries queries,
                      JsonMapper json) {
        this.drafts = drafts;
        this.transitions = transitions;
        this.ballots = ballots;
        this.queries = queries;
        this.json = json;
    }

    record VoteJson(long id, long estateId, String estateName, int matter, String matterLabel, String title,
                    List<String> proposals, LocalDate announcedOn, LocalDate opensOn, LocalDate closesOn,
                    String status, String statusLabel, Map<String, Object> participation, List<JsonNode> results) {
    }

    record Summary(long id, long estateId, String estateName, String title, int matter, String status,
                   LocalDate opensOn, LocalDate closesOn) {
        static Summary of(Votes.Stored s) {
            return new Summary(s.vote().id(), s.vote().estateId(), s.estateName(), s.vote().title(),
                    s.vote().matter().item(), s.vote().status().name(), s.vote().opensOn(), s.vote().closesOn());
        }
    }

    record Created(long id) {
    }

    record Roll(List<UnitInput> units) {
    }

    @Operation(summary = "可见的业主表决")
    @GetMapping
    List<Summary> list() {
        return queries.list(CurrentUser.get()).stream().map(Summary::of).toList();
    }

    @Operation(summary = "起草业主表决（业主委员会，或街道办事处、社区居委会）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created draft(@RequestBody DraftVote.Form form) {
        return new Created(drafts.draft(CurrentUser.get(), form));
    }

    @Operation(summary = "一项表决：议题、日期、参与情况（投票中只显示参与面积和人数），结束后各议题计票结果")
    @GetMapping("/{id}")
    VoteJson get(@PathVariable long id) {
        VoteQueries.View v = queries.get(CurrentUser.get(), id);
        VoteQueries.Participation p = v.participation();
        Map<String, Object> participation = Map.of("persons", p.persons(), "personsVoted", p.personsVoted(),
                "area", p.area(), "areaVoted", p.areaVoted());
        return new VoteJson(v.vote().id(), v.vote().estateId(), v.estateName(), v.vote().matter().item(),
                v.vote().matter().label(), v.vote().title(), v.vote().proposals(), v.vote().announcedOn(),
                v.vote().opensOn(), v.vote().closesOn(), v.vote().status().name(), v.vote().status().label(),
                participation, v.results().stream().map(json::readTree).toList());
    }

    @Operation(summary = "街道办事处审核通过表决方案")
    @PostMapping("/{id}/approve")
    Map<String, String> approve(@PathVariable long id) {
        transitions.approve(CurrentUser.get(), id);
        return Map.of("status", "APPROVED");
    }

    @Operation(summary = "公告期满，冻结表决名册并开始投票")
    @PostMapping("/{id}/open")
    Map<String, Object> open(@PathVariable long id, @RequestBody Roll roll) {
        int units = transitions.open(CurrentUser.get(), id, roll == null ? null : roll.units());
        return Map.of("status", "OPEN", "units", units);
    }

    @Operation(summary = "录入一户的纸质表决票（逐项：同意、反对、弃权）；须两人分别录入一致后计入：第一次答 PENDING，第二次一致答 RECORDED，不一致 409")
    @PostMapping("/{id}/ballots")
    Map<String, String> keyIn(@PathVariable long id, @RequestBody PaperBallot ballot) {
        return Map.of("status", ballots.keyIn(CurrentUser.get(), id, ballot).name());
    }

    @Operation(summary = "投票期满，结束并计票")
    @PostMapping("/{id}/close")
    VoteJson close(@PathVariable long id) {
        transitions.close(CurrentUser.get(), id);
        return get(id);
    }
}
