package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.notification.Notification;
import cn.kaoping.platform.notification.Notifier;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a draft: the document number, the deadline and the frozen text; the company is told ({@link NoticeIssued}).
 */
@Service
public class IssueNotice {

    private final NoticeQueries queries;
    private final Notices notices;
    private final JdbcClient jdbc;
    private final NoticeTemplates templates;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;
    private final Clock clock;

    IssueNotice(NoticeQueries queries, Notices notices, JdbcClient jdbc, NoticeTemplates templates, AuditLog audit,
                ApplicationEventPublisher events, Notifier notifier, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.jdbc = jdbc;
        this.templates = templates;
        this.audit = audit;
        this.events = events;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Issues a draft: allocates the document number, fixes the deadline and the text, and tells the company. */
    @Transactional
    public Notice issue(KaopingPrincipal p, long id) {
        Notice n = queries.drafting(p, id);
        LocalDate today = queries.today();
        Template current = templates.template(n.header().districtId(), n.header().districtName());
        notices.applyTemplate(id, current);
        n = notices.lock(id).orElseThrow();
        if (n.status() != NoticeStatus.DRAFT) {
            throw new ConflictException("只有草稿可以下达（当前：" + n.status().label() + "）");
        }
        if (n.problems().isEmpty()) {
            throw new ValidationException("problems", "整改通知书至少要列出一个问题");
        }
        String number = Template.number(current.numberPrefix(), today.getYear(),
                notices.nextNumber(n.header().districtId(), today.getYear()));
        n.issue(number, today);
        notices.saveNotice(n, p.username(), OffsetDateTime.now(clock));
        notices.freezeBody(id, queries.render(n.header(), n.header().body(), n.deadline()));
        if ("RANKING".equals(n.header().source())) {
            jdbc.sql("""
                    INSERT INTO rectification_followup (notice_id, estate_id, status, scheduled_on)
                    VALUES (:n, :e, 'PENDING', :on) ON CONFLICT DO NOTHING""")
                    .param("n", id).param("e", n.header().estateId()).param("on", today).update();
        }
        notices.step(id, null, "ISSUED", number + "，整改期限 " + n.deadline(), p.displayName(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "ISSUE", "rectification_notice", id, "下达整改通知书 " + number + "："
                        + n.header().estateName() + " → " + n.header().companyName(), Map.of("status", "DRAFT"),
                Map.of("status", "ISSUED", "number", number, "deadline", n.deadline().toString(),
                        "problems", n.problems().size()));
        events.publishEvent(new NoticeIssued(id, number, n.header().companyId(), n.header().companyName(),
                n.header().districtId(), n.header().streetId(), n.header().estateId(), n.header().estateName(),
                today, n.deadline(), n.problems().size(), n.header().rankingId()));
        notifier.send(new Notification(Notification.Channel.SMS, n.header().companyName(), "整改通知书",
                "【考评】" + n.header().companyName() + "：" + n.header().issuingBody() + "下达" + number + "，"
                        + n.header().estateName() + " 共 " + n.problems().size() + " 个问题，请于 " + n.deadline()
                        + " 前完成整改并报送。"));
        return n;
    }
}
