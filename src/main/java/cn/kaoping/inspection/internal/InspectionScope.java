package cn.kaoping.inspection.internal;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who reaches an inspection for what, shared by its use cases: seeing it (404 outside scope), editing it (the street
 * officer of the estate's street while the round is open and the inspection editable, locked), reviewing it (the
 * leading district while the round is open, locked).
 */
@Component
class InspectionScope {

    private final Inspections inspections;
    private final Rounds rounds;
    private final RoundService roundService;

    InspectionScope(Inspections inspections, Rounds rounds, RoundService roundService) {
        this.inspections = inspections;
        this.rounds = rounds;
        this.roundService = roundService;
    }

    record Editing(Round round, Inspection inspection) {
    }

    record Reviewing(Round round, Inspection inspection) {
    }

    Inspection visible(KaopingPrincipal p, long id) {
        Inspection inspection = inspections.find(id).orElseThrow(InspectionScope::notFound);
        Round round = rounds.find(inspection.roundId()).orElseThrow(InspectionScope::notFound);
        if (!Scope.sees(p, round, inspection)) {
            throw notFound();
        }
        return inspection;
    }

    Editing edit(KaopingPrincipal p, long id) {
        Inspection seen = visible(p, id);
        if (!Scope.inspects(p, seen)) {
            throw new ForbiddenException("只有小区所在街道办事处的检查人员可以填写检查");
        }
        Round round = rounds.find(seen.roundId()).orElseThrow(InspectionScope::notFound);
        Inspection inspection = inspections.lock(id).orElseThrow(InspectionScope::notFound);
        round.requireOpenForInspection();
        inspection.requireEditable();
        return new Editing(round, inspection);
    }

    Reviewing review(KaopingPrincipal p, long id) {
        Inspection seen = visible(p, id);
        Round round = roundService.lead(p, seen.roundId());
        if (round.status() != RoundStatus.OPEN) {
            throw new ConflictException("轮次" + round.status().label() + "，不能再审核检查");
        }
        return new Reviewing(round, inspections.lock(id).orElseThrow(InspectionScope::notFound));
    }

    static NotFoundException notFound() {
        return new NotFoundException("检查任务不存在");
    }
}
