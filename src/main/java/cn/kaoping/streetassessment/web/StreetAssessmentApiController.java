package cn.kaoping.streetassessment.web;

import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.streetassessment.year.AssessmentAccess;
import cn.kaoping.streetassessment.year.AssessmentStore;
import cn.kaoping.streetassessment.year.Node;
import cn.kaoping.streetassessment.year.PublishQuarter;
import cn.kaoping.streetassessment.year.StreetScores;
import cn.kaoping.streetassessment.year.YearBoard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * Street-office assessment through {@code /api/v1/street-assessments} (issue 15): the years a caller sees, every
 * visible street's score as it stands today (place and explained lines), the nodes with their status, and the
 * ranking a quarter would be published with. Another district's year is 404.
 */
@RestController
@RequestMapping("/api/v1/street-assessments")
@Tag(name = "street-assessments", description = "街道考核：考核年度、时间节点、各街道得分与排名")
@SecurityRequirement(name = "bearer")
class StreetAssessmentApiController {

    private final AssessmentStore store;
    private final YearBoard board;
    private final PublishQuarter publish;
    private final cn.kaoping.streetassessment.year.Years years;

    StreetAssessmentApiController(AssessmentStore store, YearBoard board, PublishQuarter publish,
                                  cn.kaoping.streetassessment.year.Years years) {
        this.store = store;
        this.board = board;
        this.publish = publish;
        this.years = years;
    }

    /** A street's score: total, place among the district's streets, and each item with its lines. */
    record StreetScoreView(long streetId, String street, BigDecimal total, Integer place, Integer surveyRank,
                           List<Evaluation.ItemScore> items, List<String> notes) {
    }

    @GetMapping
    @Operation(summary = "可见的考核年度")
    List<AssessmentStore.Year> years() {
        KaopingPrincipal p = principal();
        return store.yearsUnder(p.regionPath()).stream().filter(y -> AssessmentAccess.seesYear(p, y)).toList();
    }

    @GetMapping("/{id}/scores")
    @Operation(summary = "各街道截至今天的得分、名次和扣分明细（街道只看到自己）")
    List<StreetScoreView> scores(@PathVariable long id) {
        YearBoard.Board b = board.board(principal(), id);
        return b.scores().stream().map(s -> view(s, b.places().get(s.street().streetId()))).toList();
    }

    @GetMapping("/{id}/nodes")
    @Operation(summary = "可见街道的时间节点及状态")
    List<Node> nodes(@PathVariable long id) {
        KaopingPrincipal p = principal();
        AssessmentStore.Year y = years.year(p, id);
        List<Long> visible = store.streets(id).stream().filter(s -> AssessmentAccess.seesStreet(p, y, s.path()))
                .map(AssessmentStore.Street::streetId).toList();
        return store.nodes(id, null).stream().filter(n -> visible.contains(n.streetId())).toList();
    }

    @GetMapping("/{id}/quarters/{quarter}")
    @Operation(summary = "某季度末的排名（公示前审核用；街道只看到自己）")
    List<StreetScoreView> quarter(@PathVariable long id, @PathVariable int quarter) {
        KaopingPrincipal p = principal();
        StreetScores.Ranked ranked = StreetScores.ranked(p, years.year(p, id), publish.preview(p, id, quarter));
        return ranked.visible().stream().map(s -> view(s, ranked.places().get(s.street().streetId()))).toList();
    }

    private static StreetScoreView view(StreetScores.StreetScore s, Integer place) {
        return new StreetScoreView(s.street().streetId(), s.street().name(), s.evaluation().total(), place,
                s.peerRank(), s.evaluation().items(), s.notes());
    }

    private static KaopingPrincipal principal() {
        KaopingPrincipal p = CurrentUser.get();
        if (!StreetAssessmentController.reads(p)) {
            throw new ForbiddenException("街道考核只对区、街道和市房产主管部门开放");
        }
        return p;
    }
}
