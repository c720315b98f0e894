package cn.kaoping.credit.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.credit.CreditDispute;
import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.CreditRecord;
import cn.kaoping.credit.CreditScore;
import cn.kaoping.credit.Direction;
import cn.kaoping.credit.SubjectType;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.ProjectManagerRef;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.storage.ContentTypes;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit files: records (automatic from events, manual by street and district staff), evidence, disputes, scores,
 * and who sees which company's file. Staff see the companies that serve an estate in their region; a company user
 * its own company; everyone else nothing. A file outside the caller's scope answers 404 like a missing one.
 */
@Service
public class CreditService {

    public static final String SYSTEM = "system";
    static final String SYSTEM_NAME = "系统（自动记录）";
    static final int LONG = 2000;
    /** Evidence: photos or PDF, at most 10 MB. */
    public static final UploadPolicy EVIDENCE = new UploadPolicy(Set.of(ContentTypes.JPEG, ContentTypes.PNG,
            ContentTypes.WEBP, ContentTypes.PDF), 10 * UploadPolicy.MB, "JPEG、PNG、WebP 图片或 PDF 文件");

    private final CreditStore store;
    private final RuleSets rules;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final FileStore files;
    private final Clock clock;

    CreditService(CreditStore store, RuleSets rules, OrganisationDirectory directory, AuditLog audit, FileStore files,
                  Clock clock) {
        this.store = store;
        this.rules = rules;
        this.directory = directory;
        this.audit = audit;
        this.files = files;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day a year's score is taken: 31 December, or today while the year runs. */
    public LocalDate scoreDate(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = today();
        return today.isBefore(end) && today.getYear() == year ? today : end;
    }

    public RuleSets ruleSets() {
        return rules;
    }

    // ---- scope

    /** The companies whose files the caller may read, in name order of their first estate listing. */
    @Transactional(readOnly = true)
    public Set<Long> companiesInScope(KaopingPrincipal p) {
        Optional<Long> own = CreditAccess.ownCompany(p);
        if (own.isPresent()) {
            return Set.of(own.get());
        }
        if (!CreditAccess.mayList(p)) {
            return Set.of();
        }
        return companiesUnder(p.regionPath());
    }

    /** The companies serving an estate under a region path. */
    @Transactional(readOnly = true)
    public Set<Long> companiesUnder(String regionPath) {
        return directory.estatesUnder(regionPath, null, null, false).stream().map(EstateListing::companyId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    void visible(KaopingPrincipal p, long companyId) {
        if (!companiesInScope(p).contains(companyId)) {
            throw new NotFoundException("信用档案不存在");
        }
    }

    public String companyName(long id) {
        return directory.companyName(id).orElseThrow(() -> new NotFoundException("企业不存在"));
    }

    // ---- reading

    /** A company's file as the caller sees it: every record (managers' included), disputes, scores for the year. */
    @Transactional(readOnly = true)
    public CompanyFile file(KaopingPrincipal p, long companyId, int year) {
        visible(p, companyId);
        String name = companyName(companyId);
        List<CreditRecord> records = store.ofCompany(companyId);
        LocalDate asOf = scoreDate(year);
        RuleSet set = rules.on(asOf);
        CreditScore score = Scoring.score(SubjectType.COMPANY, companyId, name,
                records.stream().filter(r -> r.subjectType() == SubjectType.COMPANY).toList(), set, asOf);
        List<CreditScore> managers = new ArrayList<>();
        for (ProjectManagerRef m : directory.projectManagers(companyId)) {
            managers.add(Scoring.score(SubjectType.MANAGER, m.id(), m.name(), records.stream()
                    .filter(r -> r.subjectType() == SubjectType.MANAGER && r.subjectId() == m.id()).toList(), set,
                    asOf));
        }
        Map<Long, List<CreditDispute>> disputes = store.disputesOf(records.stream().map(CreditRecord::id).toList())
                .stream().collect(Collectors.groupingBy(CreditDispute::recordId, LinkedHashMap::new,
                        Collectors.toList()));
        return new CompanyFile(companyId, name, year, score, managers, records, disputes);
    }

    /** A company's file: the records, the disputes per record, the company's and its managers' scores. */
    public record CompanyFile(long companyId, String companyName, int year, CreditScore score,
                              List<CreditScore> managers, List<CreditRecord> records,
                              Map<Long, List<CreditDispute>> disputes) {
        public List<CreditDispute> disputesOf(long recordId) {
            return disputes.getOrDefault(recordId, List.of());
        }
    }

    @Transactional(readOnly = true)
    public CreditRecord record(KaopingPrincipal p, long id) {
        CreditRecord r = store.find(id).orElseThrow(() -> new NotFoundException("信用记录不存在"));
        if (!companiesInScope(p).contains(r.companyId())) {
            throw new NotFoundException("信用记录不存在");
        }
        return r;
    }

    @Transactional(readOnly = true)
    public List<CreditDispute> disputes(long recordId) {
        return store.disputesOf(List.of(recordId));
    }

    /** The score of one subject as of a day, by the rule set in force that day. */
    @Transactional(readOnly = true)
    public CreditScore score(SubjectType type, long subjectId, LocalDate asOf) {
        List<CreditRecord> records = store.ofSubject(type, subjectId);
        String name = type == SubjectType.COMPANY ? companyName(subjectId)
                : records.stream().findFirst().map(CreditRecord::subjectName).orElse(String.valueOf(subjectId));
        return Scoring.score(type, subjectId, name, records, rules.on(asOf), asOf);
    }

    /** Scores of many companies (their own records) as of a day. */
    @Transactional(readOnly = true)
    public Map<Long, CreditScore> scores(List<Long> companyIds, LocalDate asOf) {
        Map<Long, List<CreditRecord>> records = store.ofCompanies(companyIds);
        RuleSet set = rules.on(asOf);
        Map<Long, CreditScore> result = new LinkedHashMap<>();
        for (long id : companyIds) {
            result.put(id, Scoring.score(SubjectType.COMPANY, id, directory.companyName(id).orElse("#" + id),
                    records.getOrDefault(id, List.of()), set, asOf));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public List<CreditRecord> publicBad(Long companyId) {
        return store.publicBad(companyId, today());
    }

    @Transactional(readOnly = true)
    public List<ProjectManagerRef> managers(KaopingPrincipal p, long companyId) {
        visible(p, companyId);
        return directory.projectManagers(companyId);
    }

    // ---- manual records

    /** What a street officer or district admin enters. {@code managerId} null means the company itself. */
    public record ManualRecord(Long companyId, Long managerId, Direction direction, CreditKind kind,
                               LocalDate occurredOn, String description) {
    }

    @Transactional
    public long enter(KaopingPrincipal p, ManualRecord f) {
        if (f.companyId() != null) {
            visible(p, f.companyId());
        }
        if (!CreditAccess.mayEnter(p)) {
            throw new ForbiddenException("信用信息由街道办事处或区房产主管部门录入");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (f.companyId() == null) {
            problems.add(new FieldProblem("companyId", "请选择物业服务企业"));
        }
        if (f.direction() == null) {
            problems.add(new FieldProblem("direction", "请选择良好或不良信息"));
        }
        if (f.kind() == null) {
            problems.add(new FieldProblem("kind", "请选择信息类别"));
        } else if (f.direction() != null && !f.kind().allows(f.direction())) {
            problems.add(new FieldProblem("kind", "该类别只能是" + (f.kind().direction() == Direction.GOOD
                    ? "良好信息" : "不良信息")));
        }
        if (f.occurredOn() == null) {
            problems.add(new FieldProblem("occurredOn", "请填写发生日期"));
        } else if (f.occurredOn().isAfter(today())) {
            problems.add(new FieldProblem("occurredOn", "发生日期不能晚于今天"));
        }
        text(problems, "description", f.description(), "情况说明");
        ProjectManagerRef manager = null;
        if (f.managerId() != null && f.companyId() != null) {
            manager = directory.projectManagers(f.companyId()).stream().filter(m -> m.id() == f.managerId())
                    .findFirst().orElse(null);
            if (manager == null) {
                problems.add(new FieldProblem("managerId", "该项目负责人不属于所选企业"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String company = companyName(f.companyId());
        RuleSet set = rules.on(f.occurredOn());
        CreditStore.NewRecord.Builder record = CreditStore.NewRecord.builder();
        if (manager == null) {
            record.subject(SubjectType.COMPANY, f.companyId(), company);
        } else {
            record.subject(SubjectType.MANAGER, manager.id(), manager.name());
        }
        CreditStore.NewRecord r = record.companyId(f.companyId()).companyName(company).direction(f.direction())
                .kind(f.kind()).source("MANUAL:" + UUID.randomUUID()).sourceEvent("MANUAL").occurredOn(f.occurredOn())
                .description(f.description().strip()).districtId(districtOf(p))
                .validUntil(set.validUntil(f.kind(), f.direction(), f.occurredOn())).ruleVersion(set.version())
                .enteredBy(p.username()).enteredByName(p.displayName()).enteredAt(OffsetDateTime.now(clock)).build();
        long id = store.insert(r).orElseThrow();
        audit.record("CREDIT_RECORD", "credit_record", id, (f.direction() == Direction.BAD ? "录入不良信息：" : "录入良好信息：")
                + r.subjectName() + " " + f.kind(), null, store.find(id).orElseThrow());
        return id;
    }

    /**
     * A record with its first evidence file, together: a file the policy refuses leaves no record behind (the form
     * shows it again with what was typed), so submitting again does not make the record twice.
     */
    @Transactional
    public long enter(KaopingPrincipal p, ManualRecord f, byte[] evidence, String evidenceName) {
        if (evidence != null) {
            try {
                EVIDENCE.check(evidence);
            } catch (ValidationException e) {
                throw new ValidationException(List.of(new FieldProblem("file",
                        e.problems().get(0).message().split("；")[0] + "；信用记录尚未保存，请重新选择文件后提交")));
            }
        }
        long id = enter(p, f);
        if (evidence != null) {
            addEvidence(p, id, evidence, evidenceName);
        }
        return id;
    }

    private Long districtOf(KaopingPrincipal p) {
        if (p.regionId() == null) {
            return null;
        }
        if (p.role() == Role.DISTRICT_ADMIN) {
            return p.regionId();
        }
        return directory.region(p.regionId()).map(RegionRef::parentId).orElse(null);
    }

    /** Adds an evidence file to a record the caller may enter records for. */
    @Transactional
    public StoredFile addEvidence(KaopingPrincipal p, long recordId, byte[] content, String name) {
        CreditRecord r = record(p, recordId);
        if (!CreditAccess.mayEnter(p)) {
            throw new ForbiddenException("证明材料由录入信用信息的部门上传");
        }
        StoredFile f = files.store(content, name == null ? "evidence" : name, p.username(), EVIDENCE);
        store.addEvidence(r.id(), f.id(), f.originalName());
        audit.record("CREDIT_EVIDENCE", "credit_record", r.id(), "上传证明材料 " + f.originalName(), null, f);
        return f;
    }

    /** An evidence file: its description (detected content type, name) and bytes. */
    public record Evidence(StoredFile file, byte[] content) {
    }

    /** An evidence file of a record the caller sees (the record's own, or a dispute's). */
    @Transactional(readOnly = true)
    public Optional<Evidence> evidence(KaopingPrincipal p, long recordId, UUID fileId) {
        CreditRecord r = record(p, recordId);
        boolean ofRecord = r.evidence().stream().anyMatch(e -> e.fileId().equals(fileId))
                || store.disputesOf(List.of(recordId)).stream().anyMatch(d -> fileId.equals(d.evidenceId()));
        if (!ofRecord) {
            return Optional.empty();
        }
        return files.find(fileId).flatMap(f -> files.content(fileId).map(bytes -> new Evidence(f, bytes)));
    }

    // ---- automatic records

    /** An automatic record from an event: about the company and, when an estate is named, its project manager. */
    public record Auto(String source, String event, long companyId, String companyName, Long estateId,
                       Long districtId, Direction direction, CreditKind kind, LocalDate on, String description) {
    }

    /**
     * Records an event once per source (redelivery changes nothing): the company's record and, when the event names
     * an estate with a project manager, the manager's record (source + ":pm"). Returns the ids created.
     */
    @Transactional
    public List<Long> automatic(Auto a) {
        List<Long> created = new ArrayList<>();
        String company = a.companyName() != null ? a.companyName()
                : directory.companyName(a.companyId()).orElse("#" + a.companyId());
        RuleSet set = rules.on(a.on());
        LocalDate until = set.validUntil(a.kind(), a.direction(), a.on());
        OffsetDateTime at = OffsetDateTime.now(clock);
        // the company's record and its manager's differ only in whom they are about and their source
        CreditStore.NewRecord.Builder record = CreditStore.NewRecord.builder().companyId(a.companyId())
                .companyName(company).direction(a.direction()).kind(a.kind()).sourceEvent(a.event()).occurredOn(a.on())
                .description(a.description()).districtId(a.districtId()).validUntil(until).ruleVersion(set.version())
                .enteredBy(SYSTEM).enteredByName(SYSTEM_NAME).enteredAt(at);
        store.insert(record.subject(SubjectType.COMPANY, a.companyId(), company).source(a.source()).build())
                .ifPresent(created::add);
        if (a.estateId() != null) {
            directory.projectManagers(a.companyId()).stream().filter(m -> m.estateIds().contains(a.estateId()))
                    .findFirst().flatMap(m -> store.insert(record.subject(SubjectType.MANAGER, m.id(), m.name())
                            .source(a.source() + ":pm").build()))
                    .ifPresent(created::add);
        }
        for (long id : created) {
            // the summary is read by people: what happened, never the event key (issue 21)
            audit.recordAs(SYSTEM, "CREDIT_RECORD", "credit_record", id, (a.direction() == Direction.BAD
                    ? "自动记录不良信息：" : "自动记录良好信息：") + company + "，" + a.description(), null,
                    store.find(id).orElseThrow());
        }
        return created;
    }

    static void text(List<FieldProblem> problems, String field, String value, String label) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "请填写" + label));
        } else if (value.strip().length() > LONG) {
            problems.add(new FieldProblem(field, label + "不能超过 " + LONG + " 个字"));
        }
    }
}
