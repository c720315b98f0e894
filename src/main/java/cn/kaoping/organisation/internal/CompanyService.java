package cn.kaoping.organisation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.UnifiedCreditCode;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Property companies and their project managers. Companies serve many districts, so every official may read
 * the company register; a company user reads only its own company, a committee member only its estate's.
 * Counts of estates are limited to the reader's scope.
 */
@Service
public class CompanyService {

    private static final RowMapper<CompanyView> VIEW = (rs, i) -> new CompanyView(rs.getLong("id"),
            rs.getString("name"), rs.getString("credit_code"), rs.getString("contact_person"),
            rs.getString("contact_phone"), rs.getString("address"), rs.getInt("version"), rs.getLong("estates"));

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CompanyService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private static String select(EstateScope scope) {
        return "SELECT pc.*, (SELECT count(*) FROM estate e WHERE e.company_id = pc.id AND " + scope.condition()
                + ") AS estates FROM property_company pc";
    }

    private static String visible(KaopingPrincipal p, Map<String, Object> params) {
        if (p.role() == Role.COMPANY_USER) {
            params.put("ownCompany", p.companyId() == null ? -1L : p.companyId());
            return "pc.id = :ownCompany";
        }
        if (p.role() == Role.COMMITTEE_MEMBER) {
            params.put("ownEstate", p.estateId() == null ? -1L : p.estateId());
            return "pc.id = (SELECT company_id FROM estate WHERE id = :ownEstate)";
        }
        return "TRUE";
    }

    @Transactional(readOnly = true)
    public Paged<CompanyView> search(KaopingPrincipal p, String q, int page, int size) {
        EstateScope scope = EstateScope.of(p, "e");
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = " WHERE " + visible(p, params);
        if (q != null && !q.isBlank()) {
            where += " AND (pc.name ILIKE :q OR pc.credit_code ILIKE :q OR pc.contact_person ILIKE :q)";
            params.put("q", "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM property_company pc" + where).params(params)
                .query(Long.class).single();
        List<CompanyView> rows = jdbc.sql(select(scope) + where + " ORDER BY pc.name LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) (page - 1) * size).query(VIEW).list();
        return new Paged<>(rows, page, size, total);
    }

    @Transactional(readOnly = true)
    public List<CompanyView> list(KaopingPrincipal p, String q) {
        return search(p, q, 1, EstateService.EXPORT_LIMIT).rows();
    }

    @Transactional(readOnly = true)
    public CompanyView get(KaopingPrincipal p, long id) {
        EstateScope scope = EstateScope.of(p, "e");
        Map<String, Object> params = new HashMap<>(scope.params());
        String visible = visible(p, params);
        return jdbc.sql(select(scope) + " WHERE pc.id = :id AND " + visible).params(params).param("id", id)
                .query(VIEW).optional()
                .orElseThrow(() -> new NotFoundException("物业服务企业不存在或您无权查看"));
    }

    public Optional<Long> idByCreditCode(String code) {
        return jdbc.sql("SELECT id FROM property_company WHERE credit_code = :code")
                .param("code", UnifiedCreditCode.normalise(code)).query(Long.class).optional();
    }

    public List<FieldProblem> check(CompanyForm form, Long selfId) {
        List<FieldProblem> problems = new ArrayList<>();
        UnifiedCreditCode.problem(form.creditCode()).ifPresent(m -> problems.add(new FieldProblem("creditCode", m)));
        if (problems.isEmpty()) {
            idByCreditCode(form.creditCode()).filter(id -> !id.equals(selfId))
                    .ifPresent(id -> problems.add(new FieldProblem("creditCode", "该统一社会信用代码已登记")));
        }
        return problems;
    }

    @Transactional
    public CompanyView create(KaopingPrincipal p, CompanyForm form) {
        requireMaintainer(p);
        List<FieldProblem> problems = check(form, null);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = insert(form);
        if (p.role() == Role.DISTRICT_ADMIN) {
            jdbc.sql("UPDATE property_company SET registered_district_id = :d WHERE id = :id")
                    .param("d", p.regionId()).param("id", id).update();
        }
        CompanyView created = get(p, id);
        audit.record("CREATE", "property_company", id, "新增企业 " + created.name(), null, created.toForm());
        return created;
    }

    long insert(CompanyForm form) {
        try {
            return jdbc.sql("""
                    INSERT INTO property_company (name, credit_code, contact_person, contact_phone, address)
                    VALUES (:name, :code, :person, :phone, :address) RETURNING id""")
                    .param("name", form.name().trim()).param("code", UnifiedCreditCode.normalise(form.creditCode()))
                    .param("person", blankToNull(form.contactPerson())).param("phone", blankToNull(form.contactPhone()))
                    .param("address", blankToNull(form.address())).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ValidationException("creditCode", "该统一社会信用代码已登记");
        }
    }

    @Transactional
    public CompanyView update(KaopingPrincipal p, long id, CompanyForm form) {
        requireMaintainer(p);
        CompanyView before = get(p, id);
        requireRegistrar(p, id);
        List<FieldProblem> problems = check(form, id);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int version = form.version() == null ? before.version() : form.version();
        int updated = jdbc.sql("""
                UPDATE property_company SET name = :name, credit_code = :code, contact_person = :person,
                       contact_phone = :phone, address = :address, version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .param("name", form.name().trim()).param("code", UnifiedCreditCode.normalise(form.creditCode()))
                .param("person", blankToNull(form.contactPerson())).param("phone", blankToNull(form.contactPhone()))
                .param("address", blankToNull(form.address())).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ConflictException("该企业信息已被他人修改，请刷新后重新编辑");
        }
        CompanyView after = get(p, id);
        audit.record("UPDATE", "property_company", id, "修改企业 " + after.name(), before.toForm(), after.toForm());
        return after;
    }

    /**
     * The managers of a company; their phone and certificate number only for those who need them (city and district
     * authorities, and the company itself), not for every street officer or community worker reading the register.
     */
    @Transactional(readOnly = true)
    public List<ManagerView> managers(KaopingPrincipal p, long companyId) {
        get(p, companyId);
        boolean personal = switch (p.role()) {
            case SYSTEM_ADMIN, CITY_ADMIN, DISTRICT_ADMIN -> true;
            case COMPANY_USER -> p.companyId() != null && p.companyId() == companyId;
            default -> false;
        };
        List<ManagerView> all = managersOf(companyId);
        return personal ? all : all.stream().map(m -> new ManagerView(m.id(), m.companyId(), m.name(), null, null))
                .toList();
    }

    /**
     * The district a company is registered with: the one recorded when a district registered it, else the district
     * where it serves the most estates; empty for a company the city registered that serves none.
     */
    Optional<Long> registeredDistrict(long companyId) {
        return jdbc.sql("""
                SELECT coalesce(pc.registered_district_id, (
                    SELECT d.id FROM estate e JOIN region d ON d.level = 'DISTRICT' AND e.region_path LIKE d.path || '%'
                    WHERE e.company_id = pc.id GROUP BY d.id ORDER BY count(*) DESC, d.id LIMIT 1))
                FROM property_company pc WHERE pc.id = :id""")
                .param("id", companyId).query(Long.class).optional();
    }

    /** Only the district a company is registered with, or the city, may change it (a company serves many districts). */
    void requireRegistrar(KaopingPrincipal p, long companyId) {
        if (p.role() == Role.DISTRICT_ADMIN && !registeredDistrict(companyId).equals(Optional.ofNullable(p.regionId()))) {
            throw new ForbiddenException("该企业登记在其他区，只有其登记所在区或市房产主管部门可以修改");
        }
    }

    /** Managers of a company, for the estate form's drop-down (companies are public to officials). */
    public List<ManagerView> managersOf(long companyId) {
        return jdbc.sql("SELECT * FROM project_manager WHERE company_id = :id ORDER BY name").param("id", companyId)
                .query((rs, i) -> new ManagerView(rs.getLong("id"), rs.getLong("company_id"), rs.getString("name"),
                        rs.getString("phone"), rs.getString("certificate_no")))
                .list();
    }

    /** All companies by name, for drop-downs. */
    public List<CompanyView> options() {
        return jdbc.sql("SELECT pc.*, 0 AS estates FROM property_company pc ORDER BY pc.name").query(VIEW).list();
    }

    @Transactional
    public ManagerView addManager(KaopingPrincipal p, long companyId, ManagerForm form) {
        requireMaintainer(p);
        get(p, companyId);
        requireRegistrar(p, companyId);
        long id = jdbc.sql("""
                INSERT INTO project_manager (company_id, name, phone, certificate_no)
                VALUES (:company, :name, :phone, :cert) RETURNING id""")
                .param("company", companyId).param("name", form.name().trim())
                .param("phone", blankToNull(form.phone())).param("cert", blankToNull(form.certificateNo()))
                .query(Long.class).single();
        ManagerView created = new ManagerView(id, companyId, form.name().trim(), blankToNull(form.phone()),
                blankToNull(form.certificateNo()));
        audit.record("CREATE", "project_manager", id, "新增项目负责人 " + created.name(), null, created);
        return created;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static void requireMaintainer(KaopingPrincipal p) {
        if (!p.role().maintainsRegistry()) {
            throw new ForbiddenException("您的角色不能维护物业服务企业信息");
        }
    }
}
