package cn.kaoping.organisation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.RegionLevel;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The region tree within a principal's scope, and its maintenance by district and city officials. */
@Service
public class RegionService {

    private static final RowMapper<RegionView> VIEW = (rs, i) -> new RegionView(rs.getLong("id"),
            (Long) rs.getObject("parent_id"), RegionLevel.valueOf(rs.getString("level")), rs.getString("code"),
            rs.getString("name"), rs.getString("path"), rs.getInt("depth"), rs.getLong("estates"));

    private static final String SELECT = """
            SELECT r.id, r.parent_id, r.level, r.code, r.name, r.path,
                   array_length(string_to_array(trim(both '/' from r.path), '/'), 1) - 1 AS depth,
                   (SELECT count(*) FROM estate e WHERE e.region_path LIKE r.path || '%') AS estates
            FROM region r
            """;
    /** For drop-downs: the same columns without the estate count, which would scan the estates per option. */
    private static final String SELECT_PLAIN = """
            SELECT r.id, r.parent_id, r.level, r.code, r.name, r.path,
                   array_length(string_to_array(trim(both '/' from r.path), '/'), 1) - 1 AS depth, 0 AS estates
            FROM region r
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;

    RegionService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The principal's node and everything below it, in tree order (by path of names). */
    @Transactional(readOnly = true)
    public List<RegionView> tree(KaopingPrincipal p) {
        if (!p.role().isRegional()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE r.path LIKE :scope ORDER BY r.path")
                .param("scope", p.regionPath() + "%").query(VIEW).list();
    }

    /** Regions of one level within scope, for filter drop-downs and forms. */
    @Transactional(readOnly = true)
    public List<RegionView> ofLevel(KaopingPrincipal p, RegionLevel level) {
        String scope = p.role().isRegional() ? p.regionPath() + "%" : "%";
        return jdbc.sql(SELECT_PLAIN + " WHERE r.level = :level AND r.path LIKE :scope ORDER BY r.code")
                .param("level", level.name()).param("scope", scope).query(VIEW).list();
    }

    @Transactional(readOnly = true)
    public RegionView get(KaopingPrincipal p, long id) {
        return find(id).filter(r -> p.covers(r.path()))
                .orElseThrow(() -> new NotFoundException("区域不存在或不在您的管辖范围内"));
    }

    Optional<RegionView> find(long id) {
        return jdbc.sql(SELECT_PLAIN + " WHERE r.id = :id").param("id", id).query(VIEW).optional();
    }

    @Transactional
    public RegionView create(KaopingPrincipal p, RegionForm form) {
        requireMaintainer(p);
        RegionView parent = get(p, form.parentId());
        if (parent.level() == RegionLevel.COMMUNITY) {
            throw new ValidationException("parentId", "社区下不能再设下级区域");
        }
        RegionLevel level = parent.level().child();
        long id;
        try {
            id = jdbc.sql("INSERT INTO region (parent_id, level, code, name) VALUES (:parent, :level, :code, :name) RETURNING id")
                    .params(Map.of("parent", parent.id(), "level", level.name(), "code", form.code().trim(),
                            "name", form.name().trim()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ValidationException("name", "同一上级下已有同名区域，或编码已被使用");
        }
        jdbc.sql("UPDATE region SET path = :path WHERE id = :id")
                .param("path", parent.path() + id + "/").param("id", id).update();
        RegionView created = find(id).orElseThrow();
        audit.record("CREATE", "region", id, "新增" + created.name(), null, created);
        return created;
    }

    @Transactional
    public RegionView rename(KaopingPrincipal p, long id, String name) {
        requireMaintainer(p);
        RegionView before = get(p, id);
        if (before.id() == p.regionId()) {
            throw new ForbiddenException("不能修改本单位所在的区域，请联系上级部门");
        }
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new ValidationException("name", "请填写区域名称（不超过60字）");
        }
        try {
            jdbc.sql("UPDATE region SET name = :name WHERE id = :id").param("name", name.trim()).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("同一上级下已有同名区域");
        }
        RegionView after = find(id).orElseThrow();
        audit.record("UPDATE", "region", id, "更名为" + after.name(), before, after);
        return after;
    }

    private static void requireMaintainer(KaopingPrincipal p) {
        if (!p.role().maintainsRegistry()) {
            throw new ForbiddenException("您的角色不能维护区域");
        }
    }
}
