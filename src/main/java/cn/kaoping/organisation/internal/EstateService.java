package cn.kaoping.organisation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.CommitteeKind;
import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.organisation.ManagementMode;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.sql.Date;
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

/** Estates and their owners' committees, always within the caller's scope. */
@Service
public class EstateService {

    /** Exports stop here; an official filters a larger list before exporting it. */
    public static final int EXPORT_LIMIT = 50_000;

    private static final String SELECT = """
            SELECT e.*, c.name AS community_name, s.id AS street_id, s.name AS street_name,
                   d.id AS district_id, d.name AS district_name, pc.name AS company_name, pm.name AS manager_name,
                   (SELECT count(*) FROM household h WHERE h.estate_id = e.id) AS registered_households,
                   EXISTS (SELECT 1 FROM owners_committee oc WHERE oc.estate_id = e.id) AS has_committee
            FROM estate e
            JOIN region c ON c.id = e.community_id
            JOIN region s ON s.id = c.parent_id
            JOIN region d ON d.id = s.parent_id
            LEFT JOIN property_company pc ON pc.id = e.company_id
            LEFT JOIN project_manager pm ON pm.id = e.project_manager_id
            """;

    private static final RowMapper<EstateView> VIEW = (rs, i) -> new EstateView(rs.getLong("id"),
            rs.getString("name"), rs.getString("address"), rs.getLong("community_id"), rs.getString("community_name"),
            rs.getLong("street_id"), rs.getString("street_name"), rs.getLong("district_id"),
            rs.getString("district_name"), EstateCategory.valueOf(rs.getString("category")),
            rs.getBoolean("old_estate"), ManagementMode.valueOf(rs.getString("management_mode")),
            rs.getBigDecimal("floor_area"), rs.getInt("household_count"), (Long) rs.getObject("company_id"),
            rs.getString("company_name"), (Long) rs.getObject("project_manager_id"), rs.getString("manager_name"),
            rs.getObject("contract_start", java.time.LocalDate.class), rs.getBoolean("contract_filed"),
            rs.getInt("version"), rs.getString("region_path"), rs.getLong("registered_households"),
            rs.getBoolean("has_committee"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RegionService regions;

    EstateService(JdbcClient jdbc, AuditLog audit, RegionService regions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.regions = regions;
    }

    @Transactional(readOnly = true)
    public Paged<EstateView> search(KaopingPrincipal p, EstateFilter f, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(p, f, params);
        long total = jdbc.sql("""
                SELECT count(*) FROM estate e
                JOIN region c ON c.id = e.community_id JOIN region s ON s.id = c.parent_id
                LEFT JOIN property_company pc ON pc.id = e.company_id""" + where)
                .params(params).query(Long.class).single();
        List<EstateView> rows = jdbc.sql(SELECT + where + " ORDER BY e.name, e.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) (page - 1) * size)
                .query(VIEW).list();
        return new Paged<>(rows, page, size, total);
    }

    /** Every estate matching the filter, for export (at most {@link #EXPORT_LIMIT}). */
    @Transactional(readOnly = true)
    public List<EstateView> list(KaopingPrincipal p, EstateFilter f) {
        Map<String, Object> params = new HashMap<>();
        String where = where(p, f, params);
        return jdbc.sql(SELECT + where + " ORDER BY d.code, s.code, c.code, e.name LIMIT " + EXPORT_LIMIT)
                .params(params).query(VIEW).list();
    }

    private static String where(KaopingPrincipal p, EstateFilter f, Map<String, Object> params) {
        EstateScope scope = EstateScope.of(p, "e");
        List<String> conditions = new ArrayList<>(List.of(scope.condition()));
        params.putAll(scope.params());
        if (f.q() != null && !f.q().isBlank()) {
            conditions.add("(e.name ILIKE :q OR e.address ILIKE :q OR pc.name ILIKE :q)");
            params.put("q", "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.districtId() != null) {
            conditions.add("s.parent_id = :district");
            params.put("district", f.districtId());
        }
        if (f.streetId() != null) {
            conditions.add("c.parent_id = :street");
            params.put("street", f.streetId());
        }
        if (f.communityId() != null) {
            conditions.add("e.community_id = :community");
            params.put("community", f.communityId());
        }
        if (f.category() != null) {
            conditions.add("e.category = :category");
            params.put("category", f.category().name());
        }
        if (f.companyId() != null) {
            conditions.add("e.company_id = :company");
            params.put("company", f.companyId());
        }
        if (f.oldEstate() != null) {
            conditions.add("e.old_estate = :old");
            params.put("old", f.oldEstate());
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    @Transactional(readOnly = true)
    public EstateView get(KaopingPrincipal p, long id) {
        return find(p, id).orElseThrow(() -> new NotFoundException("小区不存在或不在您的管辖范围内"));
    }

    Optional<EstateView> find(KaopingPrincipal p, long id) {
        EstateScope scope = EstateScope.of(p, "e");
        return jdbc.sql(SELECT + " WHERE e.id = :id AND " + scope.condition())
                .params(scope.params()).param("id", id).query(VIEW).optional();
    }

    /** Problems beyond single fields: references out of scope or inconsistent with each other. */
    public List<FieldProblem> check(KaopingPrincipal p, EstateForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.communityId() != null) {
            Optional<RegionView> community = regions.find(form.communityId())
                    .filter(r -> p.covers(r.path()));
            if (community.isEmpty() || community.get().level() != RegionLevel.COMMUNITY) {
                problems.add(new FieldProblem("communityId", "所选社区不存在或不在您的管辖范围内"));
            }
        }
        if (form.managementMode() == ManagementMode.COMPANY && form.companyId() == null) {
            problems.add(new FieldProblem("companyId", "物业企业管理模式下须选择物业服务企业"));
        }
        if (form.companyId() != null && !exists("property_company", form.companyId())) {
            problems.add(new FieldProblem("companyId", "所选物业服务企业不存在"));
        }
        if (form.projectManagerId() != null) {
            Long managerCompany = jdbc.sql("SELECT company_id FROM project_manager WHERE id = :id")
                    .param("id", form.projectManagerId()).query(Long.class).optional().orElse(null);
            if (managerCompany == null) {
                problems.add(new FieldProblem("projectManagerId", "所选项目负责人不存在"));
            } else if (!managerCompany.equals(form.companyId())) {
                problems.add(new FieldProblem("projectManagerId", "项目负责人须属于所选物业服务企业"));
            }
        }
        if (form.contractStart() != null && form.companyId() == null) {
            problems.add(new FieldProblem("contractStart", "未选择物业服务企业时不能填写合同起始日期"));
        }
        if (form.contractFiled() && form.contractStart() == null) {
            problems.add(new FieldProblem("contractFiled", "合同已备案时须填写合同起始日期"));
        }
        return problems;
    }

    boolean exists(long communityId, String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM estate WHERE community_id = :c AND name = :n)")
                .param("c", communityId).param("n", name.trim()).query(Boolean.class).single();
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    @Transactional
    public EstateView create(KaopingPrincipal p, EstateForm form) {
        requireMaintainer(p);
        List<FieldProblem> problems = check(p, form);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = insert(form);
        EstateView created = get(p, id);
        audit.record("CREATE", "estate", id, "新增小区 " + created.name(), null, created.toForm());
        return created;
    }

    /** Inserts without checks or audit: callers have checked the form (import checks a whole file first). */
    long insert(EstateForm form) {
        String path = jdbc.sql("SELECT path FROM region WHERE id = :id").param("id", form.communityId())
                .query(String.class).single();
        try {
            return jdbc.sql("""
                    INSERT INTO estate (name, address, community_id, region_path, category, old_estate, management_mode,
                                        floor_area, household_count, company_id, project_manager_id, contract_start,
                                        contract_filed)
                    VALUES (:name, :address, :community, :path, :category, :old, :mode, :area, :households, :company,
                            :manager, :contractStart, :filed)
                    RETURNING id""")
                    .params(columns(form)).param("path", path).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ValidationException("name", "该社区已有同名小区");
        }
    }

    private static Map<String, Object> columns(EstateForm form) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", form.name().trim());
        m.put("address", form.address().trim());
        m.put("community", form.communityId());
        m.put("category", form.category().name());
        m.put("old", form.oldEstate());
        m.put("mode", form.managementMode().name());
        m.put("area", form.floorArea());
        m.put("households", form.householdCount());
        m.put("company", form.companyId());
        m.put("manager", form.projectManagerId());
        m.put("contractStart", form.contractStart() == null ? null : Date.valueOf(form.contractStart()));
        m.put("filed", form.contractFiled());
        return m;
    }

    @Transactional
    public EstateView update(KaopingPrincipal p, long id, EstateForm form) {
        requireMaintainer(p);
        EstateView before = get(p, id);
        List<FieldProblem> problems = check(p, form);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String path = jdbc.sql("SELECT path FROM region WHERE id = :id").param("id", form.communityId())
                .query(String.class).single();
        int version = form.version() == null ? before.version() : form.version();
        int updated;
        try {
            updated = jdbc.sql("""
                    UPDATE estate SET name = :name, address = :address, community_id = :community, region_path = :path,
                           category = :category, old_estate = :old, management_mode = :mode, floor_area = :area,
                           household_count = :households, company_id = :company, project_manager_id = :manager,
                           contract_start = :contractStart, contract_filed = :filed, version = version + 1,
                           updated_at = now()
                    WHERE id = :id AND version = :version""")
                    .params(columns(form)).param("path", path).param("id", id).param("version", version).update();
        } catch (DuplicateKeyException e) {
            throw new ValidationException("name", "该社区已有同名小区");
        }
        if (updated == 0) {
            throw new ConflictException("该小区已被他人修改，请刷新后重新编辑");
        }
        EstateView after = get(p, id);
        audit.record("UPDATE", "estate", id, "修改小区 " + after.name(), before.toForm(), after.toForm());
        return after;
    }

    @Transactional
    public void delete(KaopingPrincipal p, long id) {
        requireMaintainer(p);
        EstateView before = get(p, id);
        if (before.registeredHouseholds() > 0) {
            throw new ConflictException("该小区已登记 " + before.registeredHouseholds() + " 户，请先删除住户后再删除小区");
        }
        jdbc.sql("DELETE FROM owners_committee WHERE estate_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM estate WHERE id = :id").param("id", id).update();
        audit.record("DELETE", "estate", id, "删除小区 " + before.name(), before.toForm(), null);
    }

    @Transactional(readOnly = true)
    public Optional<CommitteeView> committee(KaopingPrincipal p, long estateId) {
        get(p, estateId);
        return jdbc.sql("SELECT * FROM owners_committee WHERE estate_id = :id").param("id", estateId)
                .query((rs, i) -> new CommitteeView(rs.getLong("id"), rs.getLong("estate_id"),
                        CommitteeKind.valueOf(rs.getString("kind")), rs.getObject("term_start", java.time.LocalDate.class),
                        rs.getObject("term_end", java.time.LocalDate.class), rs.getInt("member_count"),
                        rs.getInt("party_member_count")))
                .optional();
    }

    @Transactional
    public CommitteeView saveCommittee(KaopingPrincipal p, long estateId, CommitteeForm form) {
        requireMaintainer(p);
        Optional<CommitteeView> before = committee(p, estateId);
        List<FieldProblem> problems = new ArrayList<>();
        if (!form.termEnd().isAfter(form.termStart())) {
            problems.add(new FieldProblem("termEnd", "任期结束日期须晚于开始日期"));
        }
        if (form.partyMemberCount() > form.memberCount()) {
            problems.add(new FieldProblem("partyMemberCount", "党员人数不能超过委员人数"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("""
                INSERT INTO owners_committee (estate_id, kind, term_start, term_end, member_count, party_member_count)
                VALUES (:estate, :kind, :start, :end, :members, :party)
                ON CONFLICT (estate_id) DO UPDATE SET kind = excluded.kind, term_start = excluded.term_start,
                    term_end = excluded.term_end, member_count = excluded.member_count,
                    party_member_count = excluded.party_member_count""")
                .param("estate", estateId).param("kind", form.kind().name())
                .param("start", Date.valueOf(form.termStart())).param("end", Date.valueOf(form.termEnd()))
                .param("members", form.memberCount()).param("party", form.partyMemberCount()).update();
        CommitteeView after = committee(p, estateId).orElseThrow();
        audit.record(before.isPresent() ? "UPDATE" : "CREATE", "owners_committee", after.id(),
                "业委会信息（小区 " + estateId + "）", before.map(CommitteeView::toForm).orElse(null), form);
        return after;
    }

    static void requireMaintainer(KaopingPrincipal p) {
        if (!p.role().maintainsEstates()) {
            throw new ForbiddenException("您的角色只能查看，不能修改小区信息");
        }
    }
}
