package cn.kaoping.casework.randomcheck;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.casework.complaints.ComplaintStore;
import cn.kaoping.casework.rules.DrawInput;
import cn.kaoping.casework.rules.RandomDraw;
import cn.kaoping.casework.rules.WorkingDays;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 双随机、一公开 (seed 003 二、(一)7; issue 14), run by the district: the lists are frozen with their hashes and a
 * commitment to a secret (SHA-256 of it) that is published at once; the draw reveals the secret, the seed being the
 * secret and the draw's time, so no one can choose the result after the lists are fixed and anyone can recompute it
 * from the published record ({@code scripts/verify-draw.py}). Each drawn object's inspection is recorded by the
 * district and must be published within 20 working days of the inspection (late ones are flagged).
 */
@Service
public class RunRandomCheck {

    public static final int PUBLISH_WORKING_DAYS = 20;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final TypeReference<List<RandomDraw.Pair>> PAIRS = new TypeReference<>() {
    };
    private static final TypeReference<List<DrawInput.DrawObject>> OBJECTS = new TypeReference<>() {
    };
    private static final TypeReference<List<DrawInput.Inspector>> INSPECTORS = new TypeReference<>() {
    };
    private static final TypeReference<List<DrawInput.Conflict>> CONFLICTS = new TypeReference<>() {
    };

    private final RandomCheckStore store;
    private final OrganisationDirectory directory;
    private final ComplaintStore calendar;
    private final FileStore files;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    RunRandomCheck(RandomCheckStore store, OrganisationDirectory directory, ComplaintStore calendar, FileStore files,
                   JsonMapper json, AuditLog audit, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.directory = directory;
        this.calendar = calendar;
        this.files = files;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** What the public record of a check holds: the input of the draw and, once drawn, its result. */
    public record PublicRecord(String title, String district, List<DrawInput.DrawObject> objects,
                               List<DrawInput.Inspector> inspectors, List<DrawInput.Conflict> conflicts, int count,
                               String objectsHash, String inspectorsHash, String commitment, String secret,
                               String drawnAt, String seed, List<RandomDraw.Pair> pairs) {
    }

    /**
     * Freezes the lists: the district's estates with a company as the objects, the inspectors typed one per line as
     * 编号,姓名,单位, conflicts as 检查人员编号,对象编号.
     */
    @Transactional
    public long freeze(KaopingPrincipal p, String title, Integer count, String inspectorLines, String conflictLines) {
        RegionRef district = directory.region(p.regionId() == null ? -1 : p.regionId())
                .filter(r -> r.level() == RegionLevel.DISTRICT).orElse(null);
        if (p.role() != Role.DISTRICT_ADMIN || district == null) {
            throw new ForbiddenException("双随机抽查由区房产主管部门组织");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new ValidationException("title", "请填写抽查名称（最多 200 字）");
        }
        List<DrawInput.DrawObject> objects = new ArrayList<>();
        for (EstateListing e : directory.estatesUnder(district.path(), null, null, false)) {
            if (e.companyId() != null) {
                objects.add(new DrawInput.DrawObject("E" + e.id(), e.name() + "（" + directory.companyName(
                        e.companyId()).orElse("") + "）"));
            }
        }
        List<DrawInput.Inspector> inspectors = new ArrayList<>();
        for (String line : lines(inspectorLines)) {
            String[] f = line.split("[,，\\t]");
            if (f.length != 3 || f[0].isBlank() || f[1].isBlank() || f[2].isBlank()) {
                throw new ValidationException("inspectors", "检查人员每行写 编号,姓名,单位：" + line);
            }
            inspectors.add(new DrawInput.Inspector(f[0].strip(), f[1].strip(), f[2].strip()));
        }
        List<DrawInput.Conflict> conflicts = new ArrayList<>();
        for (String line : lines(conflictLines)) {
            String[] f = line.split("[,，\\t]");
            if (f.length != 2) {
                throw new ValidationException("conflicts", "回避关系每行写 检查人员编号,对象编号：" + line);
            }
            conflicts.add(new DrawInput.Conflict(f[0].strip(), f[1].strip()));
        }
        if (count == null || count < 1 || count > objects.size()) {
            throw new ValidationException("count", "抽取数量应在 1 到 " + objects.size() + " 之间");
        }
        if (inspectors.stream().map(DrawInput.Inspector::unit).distinct().count() < 2) {
            throw new ValidationException("inspectors", "检查人员须来自至少两个单位");
        }
        try {
            RandomDraw.draw(new DrawInput(objects, inspectors, conflicts, count, "trial"));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("inspectors", e.getMessage());
        }
        String secret = HexFormat.of().formatHex(random.generateSeed(16));
        long id = store.insert(district.id(), district.path(), district.name(), title.strip(), count,
                json.writeValueAsString(objects), json.writeValueAsString(inspectors),
                json.writeValueAsString(conflicts), RandomDraw.hashObjects(objects),
                RandomDraw.hashInspectors(inspectors), sha256(secret), secret, p.username(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "FREEZE", "random_check", id, "冻结双随机抽查名录：" + title.strip() + "，对象 "
                + objects.size() + " 个，检查人员 " + inspectors.size() + " 名", null, Map.of("count", count));
        return id;
    }

    /** The draw: the seed is the secret with the draw's time, both published with the result. */
    @Transactional
    public List<RandomDraw.Pair> draw(KaopingPrincipal p, long id) {
        RandomCheck c = runs(p, id);
        OffsetDateTime at = OffsetDateTime.now(clock).withNano(0);
        String seed = c.secret() + "|" + at.atZoneSameInstant(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        RandomDraw.Result r = RandomDraw.draw(new DrawInput(json.readValue(c.objects(), OBJECTS),
                json.readValue(c.inspectors(), INSPECTORS), json.readValue(c.conflicts(), CONFLICTS), c.count(),
                seed));
        if (!store.drawn(c.draw(seed, json.writeValueAsString(r.pairs()), at))) {
            throw new ConflictException("已经抽取");
        }
        audit.recordAs(p.username(), "DRAW", "random_check", id, "双随机抽取：" + c.title() + "，抽中 "
                + r.pairs().size() + " 个对象", null, Map.of("seed", seed));
        return r.pairs();
    }

    /** The inspection of a drawn object; its publication is due 20 working days after the inspection day. */
    @Transactional
    public void record(KaopingPrincipal p, long id, String objectId, LocalDate inspectedOn, boolean passed,
                       String findings, byte[] photo, String photoName) {
        RandomCheck c = runs(p, id);
        c.requireRecordable(pairs(c).stream().map(x -> x.object().id()).toList(), objectId, inspectedOn, today());
        if (findings == null || findings.isBlank() || findings.length() > 5000) {
            throw new ValidationException("findings", "请填写检查情况（最多 5000 字）");
        }
        UUID file = photo == null || photo.length == 0 ? null
                : files.store(photo, photoName, p.username(), UploadPolicy.photos(10)).id();
        LocalDate due = new WorkingDays(calendar.calendar()).after(inspectedOn, PUBLISH_WORKING_DAYS);
        if (!store.insertRecord(id, objectId, inspectedOn, passed, findings.strip(), file, due, p.username(),
                OffsetDateTime.now(clock))) {
            throw new ConflictException("该对象的检查结果已经记录");
        }
        audit.recordAs(p.username(), "RECORD", "random_check", id, "记录抽查结果：" + objectId
                + (passed ? "，合格" : "，不合格"), null, Map.of("publishBy", due));
    }

    @Transactional
    public void publish(KaopingPrincipal p, long id, String objectId) {
        RandomCheck c = runs(p, id);
        CheckResult r = store.records(id).stream().filter(x -> x.objectId().equals(objectId)).findFirst()
                .orElseThrow(() -> new ConflictException("没有待公开的检查结果")).publish(today());
        if (!store.publish(r)) {
            throw new ConflictException("没有待公开的检查结果");
        }
        if (!r.passed() && objectId.startsWith("E")) {
            long estate = Long.parseLong(objectId.substring(1));
            directory.placements(List.of(estate)).stream().findFirst().ifPresent(pl -> events.publishEvent(
                    new cn.kaoping.casework.RandomCheckFailed(id, c.title(), estate, pl.name(), pl.companyId(),
                            pl.districtId(), r.inspectedOn(), r.findings())));
        }
        audit.recordAs(p.username(), "PUBLISH", "random_check", id, "公开抽查结果：" + c.title() + " " + objectId,
                null, Map.of());
    }

    public RandomCheck check(KaopingPrincipal p, long id) {
        return store.check(id).filter(c -> sees(p, c)).orElseThrow(() -> new NotFoundException("抽查不存在"));
    }

    public List<RandomDraw.Pair> pairs(RandomCheck c) {
        return c.pairs() == null ? List.of() : json.readValue(c.pairs(), PAIRS);
    }

    /** The public record, the same JSON {@code scripts/verify-draw.py} reads. */
    public PublicRecord publicRecord(RandomCheck c) {
        return new PublicRecord(c.title(), c.districtName(), json.readValue(c.objects(), OBJECTS),
                json.readValue(c.inspectors(), INSPECTORS), json.readValue(c.conflicts(), CONFLICTS), c.count(),
                c.objectsHash(), c.inspectorsHash(), c.commitment(), c.drawn() ? c.secret() : null,
                c.drawnAt() == null ? null : c.drawnAt().toString(), c.seed(), pairs(c));
    }

    public static boolean sees(KaopingPrincipal p, RandomCheck c) {
        return (p.role() == Role.CITY_ADMIN || p.role() == Role.DISTRICT_ADMIN || p.role() == Role.DISTRICT_DEPT)
                && p.covers(c.districtPath());
    }

    /** Freezes, draws, records and publishes checks: the district admin (of the check's district). */
    public static boolean runs(KaopingPrincipal p) {
        return p.role() == Role.DISTRICT_ADMIN;
    }

    private RandomCheck runs(KaopingPrincipal p, long id) {
        RandomCheck c = check(p, id);
        if (!runs(p)) {
            throw new ForbiddenException("双随机抽查由区房产主管部门组织");
        }
        return c;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
