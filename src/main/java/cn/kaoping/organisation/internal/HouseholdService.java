package cn.kaoping.organisation.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.ValidationException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The households of an estate: surveys and owner votes count them, so each room is registered once. */
@Service
public class HouseholdService {

    private static final RowMapper<HouseholdView> VIEW = (rs, i) -> new HouseholdView(rs.getLong("id"),
            rs.getLong("estate_id"), rs.getString("building"), rs.getString("unit"), rs.getString("room"),
            rs.getBigDecimal("floor_area"));
    private static final String ORDER =
            " ORDER BY length(building), building, length(unit), unit, length(room), room";

    private final JdbcClient jdbc;
    private final EstateService estates;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    HouseholdService(JdbcClient jdbc, EstateService estates, AuditLog audit,
                     org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.estates = estates;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Paged<HouseholdView> search(KaopingPrincipal p, long estateId, String q, int page, int size) {
        estates.get(p, estateId);
        String where = " WHERE estate_id = :estate";
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        if (like != null) {
            where += " AND (building || '-' || unit || '-' || room) ILIKE :q";
        }
        var count = jdbc.sql("SELECT count(*) FROM household" + where).param("estate", estateId);
        var rows = jdbc.sql("SELECT * FROM household" + where + ORDER + " LIMIT :limit OFFSET :offset")
                .param("estate", estateId).param("limit", size).param("offset", (long) (page - 1) * size);
        if (like != null) {
            count = count.param("q", like);
            rows = rows.param("q", like);
        }
        return new Paged<>(rows.query(VIEW).list(), page, size, count.query(Long.class).single());
    }

    @Transactional(readOnly = true)
    public List<HouseholdView> list(KaopingPrincipal p, long estateId) {
        estates.get(p, estateId);
        return jdbc.sql("SELECT * FROM household WHERE estate_id = :estate" + ORDER).param("estate", estateId)
                .query(VIEW).list();
    }

    @Transactional(readOnly = true)
    public BigDecimal totalArea(KaopingPrincipal p, long estateId) {
        estates.get(p, estateId);
        return jdbc.sql("SELECT coalesce(sum(floor_area), 0) FROM household WHERE estate_id = :estate")
                .param("estate", estateId).query(BigDecimal.class).single();
    }

    @Transactional
    public HouseholdView add(KaopingPrincipal p, long estateId, HouseholdForm form) {
        EstateService.requireMaintainer(p);
        estates.get(p, estateId);
        long id;
        try {
            id = insert(estateId, form);
        } catch (DuplicateKeyException e) {
            throw new ValidationException("room", "该房号已登记");
        }
        HouseholdView created = new HouseholdView(id, estateId, form.building().trim(), unit(form), form.room().trim(),
                form.floorArea());
        audit.record("CREATE", "household", id, "登记住户 " + label(created), null, created);
        return created;
    }

    long insert(long estateId, HouseholdForm form) {
        return jdbc.sql("""
                INSERT INTO household (estate_id, building, unit, room, floor_area)
                VALUES (:estate, :building, :unit, :room, :area) RETURNING id""")
                .param("estate", estateId).param("building", form.building().trim()).param("unit", unit(form))
                .param("room", form.room().trim()).param("area", form.floorArea()).query(Long.class).single();
    }

    void insertAll(long estateId, List<HouseholdForm> forms) {
        List<Object[]> rows = forms.stream().map(f -> new Object[] {estateId, f.building().trim(), unit(f),
                f.room().trim(), f.floorArea()}).toList();
        jdbcTemplate.batchUpdate("INSERT INTO household (estate_id, building, unit, room, floor_area) VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    @Transactional
    public void delete(KaopingPrincipal p, long estateId, long householdId) {
        EstateService.requireMaintainer(p);
        estates.get(p, estateId);
        HouseholdView before = jdbc.sql("SELECT * FROM household WHERE id = :id AND estate_id = :estate")
                .param("id", householdId).param("estate", estateId).query(VIEW).optional()
                .orElseThrow(() -> new NotFoundException("住户不存在"));
        jdbc.sql("DELETE FROM household WHERE id = :id").param("id", householdId).update();
        audit.record("DELETE", "household", householdId, "删除住户 " + label(before), before, null);
    }

    boolean exists(long estateId, String building, String unit, String room) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM household
                               WHERE estate_id = :estate AND building = :b AND unit = :u AND room = :r)""")
                .param("estate", estateId).param("b", building).param("u", unit).param("r", room)
                .query(Boolean.class).single();
    }

    private static String unit(HouseholdForm form) {
        return form.unit() == null ? "" : form.unit().trim();
    }

    static String label(HouseholdView h) {
        return h.building() + "栋" + (h.unit().isEmpty() ? "" : h.unit() + "单元") + h.room() + "室";
    }
}
