package cn.kaoping.inspection.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Weekly patrols 周巡查 and monthly checks 月考核 of old estates (seed 004): quick entries with an optional photo. */
@Service
public class PatrolService {

    /** The scheme old-estate patrols are recorded against unless another is named (seed 004). */
    public static final String DEFAULT_SCHEME = "erqi-old-estate";

    private final Patrols patrols;
    private final OrganisationDirectory directory;
    private final SchemeCatalog catalog;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    PatrolService(Patrols patrols, OrganisationDirectory directory, SchemeCatalog catalog, FileStore files,
                  AuditLog audit, Clock clock) {
        this.patrols = patrols;
        this.directory = directory;
        this.catalog = catalog;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    public static boolean records(Role role) {
        return role == Role.STREET_OFFICER || role == Role.COMMUNITY_STAFF || role == Role.DISTRICT_ADMIN;
    }

    /** Old estates in the principal's region, by name (for the entry form). */
    @Transactional(readOnly = true)
    public List<EstateOption> oldEstates(KaopingPrincipal p) {
        if (!p.role().isRegional()) {
            return List.of();
        }
        return directory.estatesUnder(p.regionPath(), null, null, true).stream()
                .map(e -> new EstateOption(e.id(), e.name())).toList();
    }

    @Transactional(readOnly = true)
    public EstateRef estate(KaopingPrincipal p, long estateId) {
        return directory.estate(estateId).filter(e -> p.covers(e.regionPath()))
                .orElseThrow(() -> new NotFoundException("小区不存在"));
    }

    @Transactional(readOnly = true)
    public List<Patrols.PatrolRow> ofEstate(KaopingPrincipal p, long estateId) {
        estate(p, estateId);
        return patrols.ofEstate(estateId);
    }

    public Scheme scheme() {
        return catalog.published(DEFAULT_SCHEME).orElseThrow(() -> new NotFoundException("考评标准不存在"));
    }

    /** Records one patrol finding; the photo, if any, must pass the evidence policy. */
    @Transactional
    public long record(KaopingPrincipal p, long estateId, Patrols.PatrolKind kind, LocalDate on, String rule,
                       Integer count, String note, byte[] photo, String filename) {
        if (!records(p.role())) {
            throw new ForbiddenException("只有街道、社区和区主管部门可以登记巡查");
        }
        EstateRef estate = estate(p, estateId);
        if (!estate.oldEstate()) {
            throw new ValidationException("estateId", "周巡查和月考核只针对老旧小区");
        }
        Scheme scheme = scheme();
        if (kind == null) {
            throw new ValidationException("kind", "请选择周巡查或月考核");
        }
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw new ValidationException("recordedOn", "请填写巡查日期（不能晚于今天）");
        }
        if (rule == null || Scoring.rule(scheme, rule).isEmpty()) {
            throw new ValidationException("rule", "请选择考评标准中的一条规则");
        }
        if (count == null || count < 1 || count > 1000) {
            throw new ValidationException("count", "次数应为 1 到 1000 的整数");
        }
        UUID fileId = photo == null || photo.length == 0 ? null
                : files.store(photo, filename, p.username(), InspectionService.PHOTOS).id();
        long id = patrols.insert(estateId, estate.regionPath(), kind, on, scheme.code(), rule, count,
                note == null || note.isBlank() ? null : note.strip(), fileId, p.username(), OffsetDateTime.now(clock));
        audit.record("CREATE", "patrol_record", id, kind.label() + "：" + estate.name() + " " + on + " 规则 " + rule
                + " " + count + " 处", null, Map.of("estate", estateId, "rule", rule, "count", count));
        return id;
    }

    /** An old estate to choose from. */
    public record EstateOption(long id, String name) {
    }
}
