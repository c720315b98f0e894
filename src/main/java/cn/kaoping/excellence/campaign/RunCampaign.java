package cn.kaoping.excellence.campaign;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateGovernance;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.platform.storage.ContentTypes;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import cn.kaoping.voting.OwnerDecisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The campaign from its start to the confirmed lists (seed 002 二、1 梳理确认 4月15日前): the city association creates it
 * with the award years due and the stage dates (the seed's by default), which lists every held city title of those
 * years; a district association confirms its district's list and may add a later title for early re-evaluation with
 * a reason — for declining service or owners' complaints with the owners' 双过半 consent, a passed vote of the estate
 * or an uploaded written report (seed 002 一、).
 */
@Service
public class RunCampaign {

    public static final String SCHEME = "hangzhou-reeval-2018";
    static final UploadPolicy REPORT = new UploadPolicy(Set.of(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.PNG),
            10 * UploadPolicy.MB, "PDF 文件或 JPEG、PNG 图片");

    private final HonourStore store;
    private final Campaigns campaigns;
    private final SchemeCatalog schemes;
    private final OrganisationDirectory directory;
    private final OwnerDecisions decisions;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    RunCampaign(HonourStore store, Campaigns campaigns, SchemeCatalog schemes, OrganisationDirectory directory,
                OwnerDecisions decisions, FileStore files, AuditLog audit, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.schemes = schemes;
        this.directory = directory;
        this.decisions = decisions;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** The seed's stage dates for a year: 4-15, 5-31, 6-30, 9-01 to 10-31, 11-30, 12-31. */
    public static LocalDate[] seedStages(int year) {
        return new LocalDate[]{LocalDate.of(year, 4, 15), LocalDate.of(year, 5, 31), LocalDate.of(year, 6, 30),
                LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 31), LocalDate.of(year, 11, 30),
                LocalDate.of(year, 12, 31)};
    }

    @Transactional
    public long create(KaopingPrincipal p, int year, List<Integer> awardYears, LocalDate[] stages,
                       Integer objectionDays, boolean trimmedMean) {
        if (p.role() != Role.ASSOCIATION || directory.region(p.regionId()).map(r -> r.level() != RegionLevel.CITY)
                .orElse(true)) {
            throw new ForbiddenException("复评工作由市物业管理协会组织");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (year < 2000 || year > 2999) {
            problems.add(new FieldProblem("year", "请填写复评年度"));
        }
        if (awardYears == null || awardYears.isEmpty() || awardYears.stream().anyMatch(y -> y < 1990 || y >= year)) {
            problems.add(new FieldProblem("awardYears", "请填写应复评的获评年度（早于复评年度）"));
        }
        LocalDate[] s = stages == null ? seedStages(year) : stages;
        for (int i = 1; i < s.length; i++) {
            if (s[i] == null || s[i - 1] == null || s[i].isBefore(s[i - 1])) {
                problems.add(new FieldProblem("stages", "各阶段截止日期须依次不早于前一阶段"));
                break;
            }
        }
        int days = objectionDays == null ? 7 : objectionDays;
        if (days < 1 || days > 60) {
            problems.add(new FieldProblem("objectionDays", "公示期须为 1–60 天"));
        }
        Scheme scheme = schemes.published(SCHEME).orElse(null);
        if (scheme == null) {
            problems.add(new FieldProblem("year", "复评考评标准未发布"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = store.insertCampaign(p.regionId(), p.regionPath(), year, year + " 年度“市优”复评", scheme.code(),
                scheme.version(), awardYears, s, days, trimmedMean, p.username(), OffsetDateTime.now(clock));
        if (id < 0) {
            throw new ConflictException(year + " 年度的复评工作已经创建");
        }
        int listed = 0;
        for (HonourStore.Honour h : store.honoursUnder(p.regionPath())) {
            if (h.level().equals("CITY") && awardYears.contains(h.yearWon()) && !h.revoked()) {
                EstateGovernance g = directory.governance(h.estateId()).orElse(null);
                store.insertEntry(id, h, h.regionPath(), g == null ? h.companyId() : g.companyId(), null, null);
                listed++;
            }
        }
        audit.recordAs(p.username(), "CREATE", "honour_campaign", id, "创建 " + year + " 年度市优复评，应复评 "
                + listed + " 个项目", null, Map.of("awardYears", awardYears));
        return id;
    }

    /** A district association confirms its district's list and reports it to the city (梳理确认). */
    @Transactional
    public int confirm(KaopingPrincipal p, long campaignId) {
        HonourStore.Campaign c = campaigns.campaign(p, campaignId);
        if (p.role() != Role.ASSOCIATION) {
            throw new ForbiddenException("名单由区物业管理协会确认");
        }
        int n = 0;
        for (HonourStore.Entry e : store.entries(c.id())) {
            if (e.confirmedAt() == null && p.covers(e.estatePath())) {
                store.update(e.id(), "confirmed_at = :at", Map.of("at", OffsetDateTime.now(clock)));
                n++;
            }
        }
        audit.recordAs(p.username(), "CONFIRM", "honour_campaign", c.id(), "确认复评名单 " + n + " 个项目", null,
                Map.of("entries", n));
        return n;
    }

    /** Why a later title is re-evaluated early. */
    public enum EarlyReason {
        DECLINING_SERVICE("管理服务水平下降"), OWNER_COMPLAINTS("业主意见较大"), COMPANY_CHANGED("物业服务企业发生变更");

        private final String label;

        EarlyReason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Declining service and complaints need the owners' 双过半 consent (seed 002 一、). */
        public boolean needsOwners() {
            return this != COMPANY_CHANGED;
        }
    }

    @Transactional
    public long addEarly(KaopingPrincipal p, long campaignId, long honourId, EarlyReason reason, Long voteId,
                         byte[] report, String reportName) {
        HonourStore.Campaign c = campaigns.campaign(p, campaignId);
        HonourStore.Honour h = store.honoursUnder(c.regionPath()).stream().filter(x -> x.id() == honourId)
                .filter(x -> p.covers(x.regionPath())).findFirst()
                .orElseThrow(() -> new ValidationException("honourId", "请选择本区的荣誉项目"));
        if (p.role() != Role.ASSOCIATION) {
            throw new ForbiddenException("提前复评由区物业管理协会确认");
        }
        if (reason == null) {
            throw new ValidationException("reason", "请选择提前复评的原因");
        }
        if (c.awardYears().contains(h.yearWon()) || h.revoked()) {
            throw new ValidationException("honourId", "该项目已在本次复评名单中或称号已取消");
        }
        java.util.UUID file = null;
        String evidence = "";
        if (reason.needsOwners()) {
            boolean passed = voteId != null && decisions.closed(voteId, h.estateId())
                    .map(OwnerDecisions.Decision::passed).orElse(false);
            if (passed) {
                evidence = "，业主表决 " + voteId + " 双过半通过";
            } else if (report != null && report.length > 0) {
                file = files.store(report, reportName, p.username(), REPORT).id();
                evidence = "，附业主委员会书面报告";
            } else {
                throw new ValidationException("voteId", "因" + reason.label()
                        + "提前复评，须有本小区已通过的业主表决（双过半）或业主委员会的书面报告");
            }
        }
        EstateGovernance g = directory.governance(h.estateId()).orElse(null);
        long id = store.insertEntry(c.id(), h, h.regionPath(), g == null ? h.companyId() : g.companyId(),
                reason.label() + evidence, file);
        if (id < 0) {
            throw new ConflictException("该项目已在复评名单中");
        }
        audit.recordAs(p.username(), "ADD_EARLY", "honour_entry", id, "提前复评：" + h.estateName() + "（"
                + reason.label() + evidence + "）", null, Map.of("honour", honourId));
        return id;
    }

    /** Adds an honour to the register (by hand or from the import). */
    @Transactional
    public long register(KaopingPrincipal p, long estateId, String title, String level, int yearWon) {
        if (p.role() != Role.ASSOCIATION) {
            throw new ForbiddenException("荣誉名册由物业管理协会维护");
        }
        EstateGovernance g = directory.governance(estateId).filter(x -> p.covers(x.regionPath()))
                .orElseThrow(() -> new ValidationException("estateId", "请选择本区域的小区"));
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new ValidationException("title", "请填写荣誉称号");
        }
        if (!Set.of("CITY", "DISTRICT").contains(level)) {
            throw new ValidationException("level", "级别须为市优或区优");
        }
        if (yearWon < 1990 || yearWon > campaigns.today().getYear()) {
            throw new ValidationException("yearWon", "请填写获评年度");
        }
        long id = store.insertHonour(estateId, g.name(), g.regionPath(), title.strip(), level, yearWon,
                g.companyId(), g.companyName());
        if (id < 0) {
            throw new ConflictException("该荣誉已在名册中");
        }
        audit.recordAs(p.username(), "CREATE", "honour", id, "登记荣誉：" + g.name() + " " + yearWon + " " + title,
                null, Map.of("level", level));
        return id;
    }
}
