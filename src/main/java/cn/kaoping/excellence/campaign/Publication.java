package cn.kaoping.excellence.campaign;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stages 5 and 6 (seed 002 二、5–6): the proposed results published on the public site for objections (the campaign's
 * objection days); the association records each objection received and decides it (upheld: the estate is
 * re-examined; rejected: with a reason); once the period is over and nothing is open, the association publishes the
 * result document — retained and revoked titles — and the register changes.
 */
@Service
public class Publication {

    private final HonourStore store;
    private final Campaigns campaigns;
    private final Review review;
    private final ITemplateEngine templates;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final cn.kaoping.organisation.OrganisationDirectory directory;

    Publication(HonourStore store, Campaigns campaigns, Review review, ITemplateEngine templates, AuditLog audit,
                Clock clock, org.springframework.context.ApplicationEventPublisher events,
                cn.kaoping.organisation.OrganisationDirectory directory) {
        this.store = store;
        this.campaigns = campaigns;
        this.review = review;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.directory = directory;
    }

    @Transactional
    public void startGongshi(KaopingPrincipal p, long campaignId) {
        HonourStore.Campaign c = running(p, campaignId, CampaignStatus.OPEN);
        review.refreshAll(c);
        List<HonourStore.Entry> entries = store.entries(c.id());
        List<String> pending = entries.stream().filter(e -> e.proposed() == null)
                .map(e -> e.honour().estateName()).toList();
        if (entries.isEmpty() || !pending.isEmpty()) {
            throw new ConflictException("以下项目尚未完成评审：" + String.join("、", pending));
        }
        store.save(c.startGongshi(campaigns.today()));
        audit.recordAs(p.username(), "GONGSHI", "honour_campaign", c.id(), "复评结果公示，" + entries.size()
                + " 个项目", null, Map.of("days", c.objectionDays()));
    }

    /** The last day objections are taken. */
    public static LocalDate objectionsUntil(HonourStore.Campaign c) {
        return c.gongshiFrom() == null ? null : c.gongshiFrom().plusDays(c.objectionDays() - 1L);
    }

    @Transactional
    public long recordObjection(KaopingPrincipal p, long entryId, String content, String raisedBy) {
        Campaigns.EntryIn in = campaigns.entry(p, entryId);
        running(p, in.campaign().id(), CampaignStatus.GONGSHI);
        if (campaigns.today().isAfter(objectionsUntil(in.campaign()))) {
            throw new ConflictException("公示期已于 " + objectionsUntil(in.campaign()) + " 结束");
        }
        if (content == null || content.isBlank() || content.length() > 2000) {
            throw new ValidationException("content", "请填写异议内容（最多 2000 字）");
        }
        String who = raisedBy == null || raisedBy.isBlank() ? "匿名" : raisedBy.strip();
        if (who.length() > 100) {
            throw new ValidationException("raisedBy", "提出人最多 100 字");
        }
        long id = store.insertObjection(entryId, content.strip(), who, p.username(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "OBJECTION", "honour_entry", entryId, in.entry().honour().estateName()
                + " 收到公示异议", null, Map.of("objection", id));
        return id;
    }

    /** Upheld: the estate is re-examined (its result and the panel's scores are cleared); rejected: with a reason. */
    @Transactional
    public void decideObjection(KaopingPrincipal p, long objectionId, boolean upheld, String answer) {
        HonourStore.Objection o = store.objection(objectionId)
                .orElseThrow(() -> new cn.kaoping.shared.NotFoundException("异议不存在"));
        Campaigns.EntryIn in = campaigns.entry(p, o.entryId());
        running(p, in.campaign().id(), CampaignStatus.GONGSHI);
        if (answer == null || answer.isBlank() || answer.length() > 2000) {
            throw new ValidationException("answer", "请写明处理意见（最多 2000 字）");
        }
        if (!store.decideObjection(objectionId, upheld ? "UPHELD" : "REJECTED", answer.strip(),
                OffsetDateTime.now(clock))) {
            throw new ConflictException("该异议已经处理");
        }
        if (upheld) {
            store.update(o.entryId(), "proposed = NULL, evaluation = NULL, veto_code = NULL, veto_reason = NULL",
                    Map.of());
            store.clearScores(o.entryId());
        }
        audit.recordAs(p.username(), upheld ? "OBJECTION_UPHELD" : "OBJECTION_REJECTED", "honour_entry",
                o.entryId(), in.entry().honour().estateName() + (upheld ? " 异议成立，重新评审：" : " 异议不成立：")
                        + answer.strip(), null, Map.of());
    }

    @Transactional
    public void publish(KaopingPrincipal p, long campaignId, String documentNo) {
        HonourStore.Campaign c = running(p, campaignId, CampaignStatus.GONGSHI);
        if (!campaigns.today().isAfter(objectionsUntil(c))) {
            throw new ConflictException("公示期到 " + objectionsUntil(c) + " 结束，结束后才能公布");
        }
        if (documentNo == null || documentNo.isBlank() || documentNo.length() > 200) {
            throw new ValidationException("documentNo", "请填写公布文件的文号");
        }
        List<HonourStore.Entry> entries = store.entries(c.id());
        for (HonourStore.Entry e : entries) {
            if (e.proposed() == null) {
                throw new ConflictException(e.honour().estateName() + " 尚在重新评审");
            }
            if (store.objections(e.id()).stream().anyMatch(o -> o.decision() == null)) {
                throw new ConflictException(e.honour().estateName() + " 有未处理的异议");
            }
        }
        for (HonourStore.Entry e : entries) {
            boolean keep = e.proposed().equals("RETAIN");
            store.save(e.honour().decided(keep, c.year(), keep ? null : reason(e), documentNo.strip()));
            Long district = directory.placements(List.of(e.honour().estateId())).stream().findFirst()
                    .map(cn.kaoping.organisation.EstatePlacement::districtId).orElse(null);
            events.publishEvent(new cn.kaoping.excellence.HonourDecided(e.id(), e.honour().estateId(),
                    e.honour().estateName(), e.companyId(), null, district, keep,
                    e.honour().title(), keep ? null : reason(e), documentNo.strip(), campaigns.today()));
        }
        store.save(c.publish(documentNo.strip(), OffsetDateTime.now(clock)));
        audit.recordAs(p.username(), "PUBLISH", "honour_campaign", c.id(), "公布复评结果（" + documentNo.strip()
                + "）：保留 " + entries.stream().filter(e -> e.proposed().equals("RETAIN")).count() + " 个，取消 "
                + entries.stream().filter(e -> e.proposed().equals("REVOKE")).count() + " 个", null, Map.of());
    }

    /** Why a title is revoked: the veto cited, or the parts below their floors or the total below 80. */
    static String reason(HonourStore.Entry e) {
        return e.vetoCode() != null ? "一票否决（" + e.vetoCode().replace("veto.", "第") + "项）：" + e.vetoReason()
                : "复评未通过（综合得分低于 80 分或有单项不高于最低标准线）";
    }

    /** The result document: retained and revoked titles, in official-document layout. */
    public byte[] resultPdf(HonourStore.Campaign c) {
        List<HonourStore.Entry> entries = store.entries(c.id());
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("c", c);
        ctx.setVariable("retained", entries.stream().filter(e -> "RETAIN".equals(e.proposed())).toList());
        ctx.setVariable("revoked", entries.stream().filter(e -> "REVOKE".equals(e.proposed())).toList());
        ctx.setVariable("reasons", entries.stream().collect(java.util.stream.Collectors.toMap(
                HonourStore.Entry::id, Publication::reason)));
        return Pdfs.render(templates.process("excellence/result-pdf", ctx));
    }

    private HonourStore.Campaign running(KaopingPrincipal p, long campaignId, CampaignStatus stage) {
        HonourStore.Campaign c = campaigns.campaign(p, campaignId);
        if (!CampaignAccess.runs(p, c)) {
            throw new ForbiddenException("由市物业管理协会办理");
        }
        c.requireIn(stage);
        return c;
    }
}
