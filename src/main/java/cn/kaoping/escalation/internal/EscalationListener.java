package cn.kaoping.escalation.internal;

import cn.kaoping.ranking.BottomRanked;
import cn.kaoping.ranking.TopRanked;
import cn.kaoping.rectification.AcceptanceFailed;
import cn.kaoping.rectification.NoticeClosed;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.NoticeReopened;
import cn.kaoping.rectification.RectificationOverdue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Picks up the rectification module's notice events and the rankings' top and bottom lists after their transactions
 * commit (kept in PostgreSQL until handled). Escalation never calls the rectification module: its own copy of each
 * notice's state comes from here.
 */
@Component
class EscalationListener {

    private final Ladder ladder;
    private final Exits exits;
    private final Commendations commendations;

    EscalationListener(Ladder ladder, Exits exits, Commendations commendations) {
        this.ladder = ladder;
        this.exits = exits;
        this.commendations = commendations;
    }

    @ApplicationModuleListener
    void on(NoticeIssued e) {
        ladder.noticeIssued(e);
    }

    @ApplicationModuleListener
    void on(RectificationOverdue e) {
        ladder.overdue(e);
    }

    @ApplicationModuleListener
    void on(AcceptanceFailed e) {
        ladder.acceptanceFailed(e);
    }

    @ApplicationModuleListener
    void on(NoticeClosed e) {
        ladder.noticeClosed(e);
    }

    @ApplicationModuleListener
    void on(NoticeReopened e) {
        ladder.noticeReopened(e);
    }

    /** A round's bottom list may call for a 处罚; a year's bottom 3 for an exit recommendation. */
    @ApplicationModuleListener
    void on(BottomRanked e) {
        ladder.roundBottom(e);
        exits.yearBottom(e);
    }

    @ApplicationModuleListener
    void on(TopRanked e) {
        commendations.topRanked(e);
    }
}
