package cn.kaoping.rectification.internal;

import cn.kaoping.inspection.InspectionSubmitted;
import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.PeriodKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What rectification learns from other modules: a bottom list of a round's ranking drafts notices (seed 000:
 * 每次考评排名后10名 — half-year and year aggregates raise none); an inspection submitted for an estate with a pending
 * follow-up check completes that 回头看.
 */
@Component
class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final DraftFromRanking rankingDrafts;
    private final CheckDeadlines deadlines;

    Listeners(DraftFromRanking rankingDrafts, CheckDeadlines deadlines) {
        this.rankingDrafts = rankingDrafts;
        this.deadlines = deadlines;
    }

    @ApplicationModuleListener
    void on(BottomRanked list) {
        if (list.kind() != PeriodKind.ROUND) {
            return;
        }
        var created = rankingDrafts.draftsFor(list);
        if (!created.isEmpty()) {
            log.debug("整改通知书草稿 {} 份：{} {} {}", created.size(), list.schemeCode(), list.period(),
                    list.districtName());
        }
    }

    @ApplicationModuleListener
    void on(InspectionSubmitted submitted) {
        deadlines.followedUp(submitted.estateId(), submitted.inspectionId());
    }
}
