package cn.kaoping.rectification.internal;

import cn.kaoping.platform.notification.Notification;
import cn.kaoping.platform.notification.Notifier;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a draft: the document number, the deadline and the frozen text; the company is told ({@link NoticeIssued}).
 */
@Service
public class IssueNotice {

    private final NoticeQueries queries;
    private final Notices notices;
    private final NoticeTemplates templates;
    private final NoticeTransitions transitions;
    private final Notifier notifier;

    IssueNotice(NoticeQueries queries, Notices notices, NoticeTemplates templates, NoticeTransitions transitions,
                Notifier notifier) {
        this.queries = queries;
        this.notices = notices;
        this.templates = templates;
        this.transitions = transitions;
        this.notifier = notifier;
    }

    /** Issues a draft: allocates the document number, fixes the deadline and the text, and tells the company. */
    @Transactional
    public Notice issue(KaopingPrincipal p, long id) {
        Notice n = queries.drafting(p, id);
        LocalDate today = queries.today();
        Template current = templates.template(n.header().districtId(), n.header().districtName());
        notices.applyTemplate(id, current);
        n = notices.lock(id).orElseThrow();
        n.requireIssuable();
        String number = Template.number(current.numberPrefix(), today.getYear(),
                notices.nextNumber(n.header().districtId(), today.getYear()));
        n.issue(number, today);
        transitions.record(p, n);
        notifier.send(new Notification(Notification.Channel.SMS, n.header().companyName(), "整改通知书",
                "【考评】" + n.header().companyName() + "：" + n.header().issuingBody() + "下达" + number + "，"
                        + n.header().estateName() + " 共 " + n.problems().size() + " 个问题，请于 " + n.deadline()
                        + " 前完成整改并报送。"));
        return n;
    }
}
