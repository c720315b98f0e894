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

    private final NoticeFeed notices;
    private final PenaltyAfterInterview penalties;
    private final Exits exits;
    private final Commendations commendations;

    EscalationListener(NoticeFeed notices, PenaltyAfterInterview penalties, Exits exits,
                       Commendations commendations) {
        this.notices = notices;
        this.penalties = penalties;
        this.exits = exits;
        this.commendations = commendations;
    }

    @ApplicationModuleListener
    void on(NoticeIssued e) {
        notices.noticeIssued(e);
    }

    @ApplicationModuleListener
    void on(RectificationOverdue e) {
        notices.overdue(e);
    }

    @ApplicationModuleListener
    void on(AcceptanceFailed e) {
        notices.acceptanceFailed(e);
    }

    @ApplicationModuleListener
    void on(NoticeClosed e) {
        notices.noticeClosed(e);
    }

    @ApplicationModuleListener
    void on(NoticeReopened e) {
        notices.noticeReopened(e);
    }

    /** A round's bottom list may call for a 处罚; a year's bottom 3 for an exit recommendation. */
    @ApplicationModuleListener
    void on(BottomRanked e) {
        penalties.roundBottom(e);
        exits.yearBottom(e);
    }

    @ApplicationModuleListener
    void on(TopRanked e) {
        commendations.topRanked(e);
    }
}
