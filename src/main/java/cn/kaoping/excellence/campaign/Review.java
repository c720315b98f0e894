package cn.kaoping.excellence.campaign;

import cn.kaoping.account.AccountDirectory;
import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyResults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 4 评审 (seed 002 二、4): the owners' satisfaction — from the estate's closed Hangzhou survey, or the counts the
 * district association enters from the paper 调查表 — over all owners of exclusive parts, announced 7 days before it
 * counts; the expert panel assigned by the city association (at least 3, none with a declared tie to the company),
 * each expert scoring on its phone; the residents' committee's score of the company's service; vetoes confirmed.
 * Each part recomputes the composite.
 */
@Service
public class Review {

    private final HonourStore store;
    private final Campaigns campaigns;
    private final Composite composite;
    private final VetoCheck vetoes;
    private final SurveyResults surveys;
    private final AccountDirectory accounts;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    Review(HonourStore store, Campaigns campaigns, Composite composite, VetoCheck vetoes, SurveyResults surveys,
           AccountDirectory accounts, FileStore files, AuditLog audit, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.composite = composite;
        this.vetoes = vetoes;
        this.surveys = surveys;
        this.accounts = accounts;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Counts entered from the paper 调查表, announced from {@code posted}. */
    @Transactional
    public void satisfaction(KaopingPrincipal p, long entryId, Integer satisfied, Integer basically, Integer owners,
                             LocalDate posted) {
        Campaigns.EntryIn in = reviewing(p, entryId);
        if (!CampaignAccess.districtAssociation(p, in.entry())) {
            throw new ForbiddenException("满意率调查结果由区物业管理协会报送");
        }
        if (satisfied == null || basically == null || owners == null || satisfied < 0 || basically < 0
                || owners < 1 || satisfied + basically > owners) {
            throw new ValidationException("owners", "请填写满意、基本满意人数和专有部分业主总人数（满意与基本满意之和不超过总人数）");
        }
        if (posted == null || posted.isAfter(campaigns.today())) {
            throw new ValidationException("posted", "请填写调查结果公告的日期（不晚于今天）");
        }
        store.update(entryId, "satisfied = :s, basically_satisfied = :b, owners = :o, satisfaction_posted = :d",
                Map.of("s", satisfied, "b", basically, "o", owners, "d", posted));
        audit.recordAs(p.username(), "SATISFACTION", "honour_entry", entryId, in.entry().honour().estateName()
                + " 满意率调查：满意 " + satisfied + "，基本满意 " + basically + "，业主总数 " + owners, null, Map.of());
        composite.refresh(in.campaign(), entryId, campaigns.today());
    }

    /** Takes the estate's latest closed Hangzhou survey of the campaign year; its result is announced from today. */
    @Transactional
    public void satisfactionFromSurvey(KaopingPrincipal p, long entryId) {
        Campaigns.EntryIn in = reviewing(p, entryId);
        Optional<EstateSatisfaction> r = surveys.closedBetween(LocalDate.of(in.campaign().year(), 1, 1),
                        campaigns.today()).stream()
                .filter(s -> in.campaign().schemeCode().equals(s.scheme()))
                .flatMap(s -> s.estates().stream()).filter(e -> e.estateId() == in.entry().honour().estateId())
                .reduce((a, b) -> b);
        EstateSatisfaction s = r.orElseThrow(() -> new ConflictException("本年度没有该小区已结束的复评满意率调查"));
        satisfaction(p, entryId, s.satisfied(), s.basicallySatisfied(), s.households(), campaigns.today());
    }

    /** The city association seats a panel: at least 3 experts, none tied to the estate's company. */
    @Transactional
    public void assignPanel(KaopingPrincipal p, long entryId, List<String> experts) {
        Campaigns.EntryIn in = reviewing(p, entryId);
        if (!CampaignAccess.runs(p, in.campaign())) {
            throw new ForbiddenException("专家组由市物业管理协会指派");
        }
        Set<String> chosen = new LinkedHashSet<>(experts == null ? List.of() : experts);
        Set<String> known = new LinkedHashSet<>();
        accounts.usersOf(in.campaign().regionId(), Role.EXPERT).forEach(o -> known.add(o.username()));
        if (chosen.size() < Composite.MIN_PANEL || !known.containsAll(chosen)) {
            throw new ValidationException("experts", "专家组须有不少于 " + Composite.MIN_PANEL + " 名本市专家");
        }
        for (String x : chosen) {
            if (store.conflicted(x, in.entry().companyId())) {
                throw new ValidationException("experts", "专家 " + accounts.displayName(x) + " 已申报与该物业服务企业有利害关系，须回避");
            }
        }
        chosen.forEach(x -> store.seat(entryId, x));
        audit.recordAs(p.username(), "PANEL", "honour_entry", entryId, in.entry().honour().estateName() + " 专家组："
                + String.join("、", chosen), null, Map.of("experts", chosen.size()));
        composite.refresh(in.campaign(), entryId, campaigns.today());
    }

    /** An expert declares a tie to a company (then never sits on its estates). */
    @Transactional
    public void declareConflict(KaopingPrincipal p, long companyId) {
        if (p.role() != Role.EXPERT) {
            throw new ForbiddenException("由专家本人申报回避");
        }
        store.declareConflict(p.username(), companyId);
        audit.recordAs(p.username(), "CONFLICT", "expert_conflict", p.username(), "申报回避企业 " + companyId, null,
                Map.of("company", companyId));
    }

    @Transactional
    public void expertScores(KaopingPrincipal p, long entryId, BigDecimal score, String comment, byte[] photo,
                             String photoName) {
        Campaigns.EntryIn in = reviewing(p, entryId);
        if (p.role() != Role.EXPERT) {
            throw new ForbiddenException("由专家组成员打分");
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2) {
            throw new ValidationException("score", "请填写 0–100 分（最多两位小数）");
        }
        if (comment != null && comment.length() > 2000) {
            throw new ValidationException("comment", "评语最多 2000 字");
        }
        java.util.UUID file = photo == null || photo.length == 0 ? null
                : files.store(photo, photoName, p.username(), UploadPolicy.photos(10)).id();
        if (!store.score(entryId, p.username(), score, comment == null ? null : comment.strip(), file,
                OffsetDateTime.now(clock))) {
            throw new ForbiddenException("您不是该项目的专家组成员");
        }
        audit.recordAs(p.username(), "EXPERT_SCORE", "honour_entry", entryId, in.entry().honour().estateName()
                + " 专家打分 " + score, null, Map.of());
        composite.refresh(in.campaign(), entryId, campaigns.today());
    }

    @Transactional
    public void communityScores(KaopingPrincipal p, long entryId, BigDecimal score, String comment) {
        Campaigns.EntryIn in = reviewing(p, entryId);
        if (p.role() != Role.COMMUNITY_STAFF) {
            throw new ForbiddenException("由社区居民委员会评价");
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 2) {
            throw new ValidationException("score", "请填写 0–100 分（最多两位小数）");
        }
        if (comment == null || comment.isBlank() || comment.length() > 2000) {
            throw new ValidationException("comment", "请填写评价意见（最多 2000 字）");
        }
        store.update(entryId, "community_score = :s, community_comment = :c, community_by = :by",
                Map.of("s", score, "c", comment.strip(), "by", p.username()));
        audit.recordAs(p.username(), "COMMUNITY_SCORE", "honour_entry", entryId, in.entry().honour().estateName()
                + " 社区居委会评价 " + score, null, Map.of());
        composite.refresh(in.campaign(), entryId, campaigns.today());
    }

    /** The city association confirms a veto condition: the title is to be revoked with the condition cited. */
    @Transactional
    public void confirmVeto(KaopingPrincipal p, long entryId, String code, String reason) {
        Campaigns.EntryIn in = campaigns.entry(p, entryId);
        if (!CampaignAccess.runs(p, in.campaign()) || !in.campaign().open()) {
            throw new ForbiddenException("否决由市物业管理协会在复评期间确认");
        }
        if (code == null || !code.matches("veto\\.[1-6]")) {
            throw new ValidationException("code", "请选择否决条件");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new ValidationException("reason", "请写明否决的事实（最多 1000 字）");
        }
        store.lockEntry(entryId);
        store.update(entryId, "veto_code = :c, veto_reason = :r", Map.of("c", code, "r", reason.strip()));
        audit.recordAs(p.username(), "VETO", "honour_entry", entryId, in.entry().honour().estateName() + " 一票否决（"
                + code + "）：" + reason.strip(), null, Map.of());
        composite.refresh(in.campaign(), entryId, campaigns.today());
    }

    public List<VetoCheck.Finding> findings(KaopingPrincipal p, long entryId) {
        Campaigns.EntryIn in = campaigns.entry(p, entryId);
        return vetoes.check(in.campaign(), in.entry(), campaigns.today());
    }

    /** Recomputes every entry of a campaign (satisfaction notices run out with time). */
    @Transactional
    public void refreshAll(HonourStore.Campaign c) {
        store.entries(c.id()).forEach(e -> composite.refresh(c, e.id(), campaigns.today()));
    }

    private Campaigns.EntryIn reviewing(KaopingPrincipal p, long entryId) {
        Campaigns.EntryIn in = campaigns.entry(p, entryId);
        if (in.campaign().published()
                || (in.campaign().status() == CampaignStatus.GONGSHI && in.entry().proposed() != null)) {
            throw new ConflictException("复评结果已公示或已公布（异议成立的项目重新评审）");
        }
        if (in.entry().vetoCode() != null) {
            throw new ConflictException("该项目已被否决");
        }
        if (!"ENDORSED".equals(in.entry().committeeDecision())) {
            throw new ConflictException("业主委员会确认申报后才进入评审");
        }
        store.lockEntry(entryId);
        return in;
    }
}
