package cn.kaoping.streetassessment.year;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.scheme.SchemeCatalog;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import cn.kaoping.streetassessment.rules.NodePlan;
import cn.kaoping.streetassessment.rules.YearScheme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The district admin opens an assessment year for its street offices on a street-level scheme (issue 15): every
 * milestone rule expands into dated nodes per street with the row's department as reviewer. Also assigns a
 * department's rows to a district department user.
 */
@Service
public class OpenYear {

    public static final int DEFAULT_OBJECTION_DAYS = 5;
    public static final BigDecimal DEFAULT_UNQUALIFIED_BELOW = new BigDecimal("60");

    private final AssessmentStore store;
    private final SchemeCatalog schemes;
    private final OrganisationDirectory directory;
    private final cn.kaoping.account.AccountDirectory accounts;
    private final AuditLog audit;
    private final Clock clock;

    OpenYear(AssessmentStore store, SchemeCatalog schemes, OrganisationDirectory directory,
             cn.kaoping.account.AccountDirectory accounts, AuditLog audit, Clock clock) {
        this.store = store;
        this.schemes = schemes;
        this.directory = directory;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the form asks. */
    public record Form(String schemeCode, Integer year, Integer objectionDays, BigDecimal unqualifiedBelow) {
    }

    /** The schemes a year may be run on: those assessing street offices. */
    public List<Scheme> schemes() {
        return schemes.allPublished(Scheme.Subject.STREET_OFFICE);
    }

    @Transactional
    public long open(KaopingPrincipal p, Form form) {
        if (p.role() != Role.DISTRICT_ADMIN) {
            throw new ForbiddenException("考核年度由区房产主管部门（考核办公室）开启");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Scheme scheme = form.schemeCode() == null ? null : schemes.published(form.schemeCode()).orElse(null);
        if (scheme == null || scheme.assesses() != Scheme.Subject.STREET_OFFICE) {
            problems.add(new FieldProblem("schemeCode", "请选择一个考核街道办事处的考核标准"));
        }
        if (form.year() == null || form.year() < 2000 || form.year() > 2999) {
            problems.add(new FieldProblem("year", "请填写考核年度（如 2026）"));
        }
        int days = form.objectionDays() == null ? DEFAULT_OBJECTION_DAYS : form.objectionDays();
        if (days < 1 || days > 60) {
            problems.add(new FieldProblem("objectionDays", "异议期须为 1–60 天"));
        }
        BigDecimal below = form.unqualifiedBelow() == null ? DEFAULT_UNQUALIFIED_BELOW : form.unqualifiedBelow();
        if (below.signum() <= 0 || below.compareTo(new BigDecimal("100")) > 0 || below.scale() > 2) {
            problems.add(new FieldProblem("unqualifiedBelow", "满意度不合格线须为 0–100 之间的百分数（最多两位小数）"));
        }
        RegionRef district = directory.region(p.regionId()).orElse(null);
        List<RegionRef> streets = directory.regions(RegionLevel.STREET).stream()
                .filter(s -> s.path().startsWith(p.regionPath())).toList();
        if (district == null || district.level() != RegionLevel.DISTRICT || streets.isEmpty()) {
            problems.add(new FieldProblem("year", "只有管辖街道办事处的区可以开启街道考核"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = store.insertYear(district.id(), district.path(), district.name(), scheme.code(), scheme.version(),
                form.year(), days, below, p.username(), OffsetDateTime.now(clock));
        if (id < 0) {
            throw new ConflictException(district.name() + form.year() + " 年度的《" + scheme.title() + "》考核已经开启");
        }
        List<NodePlan.Node> plan = NodePlan.of(YearScheme.of(scheme, form.year()), form.year());
        for (RegionRef street : streets) {
            store.insertStreet(id, street.id(), street.name(), street.path());
            plan.forEach(n -> store.insertNode(id, street.id(), n.itemCode(), n.ruleCode(), n.label(),
                    n.department(), n.due()));
        }
        audit.recordAs(p.username(), "CREATE", "street_assessment_year", id, "开启" + district.name() + form.year()
                + " 年度街道考核：" + scheme.title(), null, Map.of("streets", streets.size(),
                "nodesPerStreet", plan.size(), "scheme", scheme.code() + "@" + scheme.version()));
        return id;
    }

    /** The district department users who may be assigned a department's rows. */
    public List<cn.kaoping.account.AccountDirectory.Officer> departmentStaff(AssessmentStore.Year y) {
        return accounts.usersOf(y.districtId(), Role.DISTRICT_DEPT);
    }

    /** Assigns a department's rows to a district department user (or back to the district admin with null). */
    @Transactional
    public void assign(KaopingPrincipal p, AssessmentStore.Year y, String department, String username) {
        if (!AssessmentAccess.runsYear(p, y)) {
            throw new ForbiddenException("考核单位由区房产主管部门指定");
        }
        if (department == null || department.isBlank() || department.length() > 100) {
            throw new ValidationException("department", "请选择考核单位");
        }
        if (username == null || username.isBlank()) {
            store.unassign(y.id(), department);
        } else if (departmentStaff(y).stream().noneMatch(o -> o.username().equals(username))) {
            throw new ValidationException("username", "只能指定本区的区直部门账号");
        } else {
            store.assign(y.id(), department, username);
        }
        audit.recordAs(p.username(), "ASSIGN", "street_assessment_year", y.id(), "指定考核单位 " + department + "："
                + (username == null || username.isBlank() ? "区房产主管部门" : username), null,
                Map.of("department", department));
    }
}
