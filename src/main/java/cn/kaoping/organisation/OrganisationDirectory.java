package cn.kaoping.organisation;

import cn.kaoping.platform.database.SqlArrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only lookups of the registry for other modules: regions, estates and companies by id or code. */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

    private static final RowMapper<RegionRef> REGION = (rs, i) -> new RegionRef(rs.getLong("id"),
            (Long) rs.getObject("parent_id"), RegionLevel.valueOf(rs.getString("level")), rs.getString("code"),
            rs.getString("name"), rs.getString("path"));
    private static final RowMapper<EstateRef> ESTATE = (rs, i) -> new EstateRef(rs.getLong("id"),
            rs.getString("name"), rs.getString("region_path"), EstateCategory.valueOf(rs.getString("category")),
            rs.getBoolean("old_estate"), (Long) rs.getObject("company_id"));

    private final JdbcClient jdbc;

    OrganisationDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RegionRef> region(long id) {
        return jdbc.sql("SELECT * FROM region WHERE id = :id").param("id", id).query(REGION).optional();
    }

    public Optional<RegionRef> regionByCode(String code) {
        return jdbc.sql("SELECT * FROM region WHERE code = :code").param("code", code).query(REGION).optional();
    }

    public Optional<RegionRef> city() {
        return jdbc.sql("SELECT * FROM region WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(REGION).optional();
    }

    public List<RegionRef> regions(RegionLevel level) {
        return jdbc.sql("SELECT * FROM region WHERE level = :level ORDER BY code").param("level", level.name())
                .query(REGION).list();
    }

    public Optional<EstateRef> estate(long id) {
        return jdbc.sql("SELECT * FROM estate WHERE id = :id").param("id", id).query(ESTATE).optional();
    }

    public Optional<EstateRef> firstEstateOfCompany(long companyId) {
        return jdbc.sql("SELECT * FROM estate WHERE company_id = :id ORDER BY id LIMIT 1").param("id", companyId)
                .query(ESTATE).optional();
    }

    public Optional<String> companyName(long id) {
        return jdbc.sql("SELECT name FROM property_company WHERE id = :id").param("id", id).query(String.class)
                .optional();
    }

    public Optional<Long> firstCompanyId() {
        return jdbc.sql("SELECT id FROM property_company ORDER BY id LIMIT 1").query(Long.class).optional();
    }

    public Optional<EstateRef> firstEstateWithCommittee() {
        return jdbc.sql("""
                SELECT e.* FROM estate e JOIN owners_committee oc ON oc.estate_id = e.id ORDER BY e.id LIMIT 1""")
                .query(ESTATE).optional();
    }

    /** Professionally managed estates with an owners' committee, by id (demo data picks from them). */
    public List<EstateRef> estatesWithCommittee(int limit) {
        return jdbc.sql("""
                SELECT e.* FROM estate e JOIN owners_committee oc ON oc.estate_id = e.id
                WHERE e.management_mode = 'COMPANY' AND e.company_id IS NOT NULL AND e.contract_start IS NOT NULL
                ORDER BY e.id LIMIT :limit""").param("limit", limit).query(ESTATE).list();
    }

    /** The root of the region tree, created as 本市 when the registry is still empty. */
    @Transactional
    public RegionRef ensureCity() {
        return city().orElseGet(() -> {
            long id = jdbc.sql("INSERT INTO region (level, code, name) VALUES ('CITY', 'CITY', '本市') RETURNING id")
                    .query(Long.class).single();
            jdbc.sql("UPDATE region SET path = '/' || id || '/' WHERE id = :id").param("id", id).update();
            return region(id).orElseThrow();
        });
    }

    /**
     * The estates under a region path, optionally of one street office, one category or old estates only,
     * ordered by street and name. Callers pass a path they have checked against the user's scope.
     */
    public List<EstateListing> estatesUnder(String regionPath, Long streetId, EstateCategory category,
                                            boolean oldEstatesOnly) {
        return jdbc.sql("""
                SELECT e.id, e.name, e.region_path, st.id AS street_id, st.name AS street_name, e.category,
                       e.old_estate, e.company_id
                FROM estate e
                JOIN region c ON c.id = e.community_id
                JOIN region st ON st.id = c.parent_id
                WHERE e.region_path LIKE :path
                  AND (CAST(:street AS bigint) IS NULL OR st.id = CAST(:street AS bigint))
                  AND (CAST(:category AS text) IS NULL OR e.category = CAST(:category AS text))
                  AND (NOT :old OR e.old_estate)
                ORDER BY st.name, e.name""")
                .param("path", regionPath + "%").param("street", streetId)
                .param("category", category == null ? null : category.name()).param("old", oldEstatesOnly)
                .query((rs, i) -> new EstateListing(rs.getLong("id"), rs.getString("name"),
                        rs.getString("region_path"), rs.getLong("street_id"), rs.getString("street_name"),
                        EstateCategory.valueOf(rs.getString("category")), rs.getBoolean("old_estate"),
                        (Long) rs.getObject("company_id")))
                .list();
    }

    /**
     * The placement of each given estate (street, district, city and company with their names); ids that do not
     * exist are left out. Estates hang under a community, so the street is its parent and so on up.
     */
    public List<EstatePlacement> placements(Collection<Long> estateIds) {
        if (estateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.id, e.name, e.region_path, e.category, e.old_estate, st.id AS street_id,
                       st.name AS street_name, d.id AS district_id, d.name AS district_name, ci.id AS city_id,
                       ci.name AS city_name, e.company_id, pc.name AS company_name
                FROM estate e
                JOIN region c ON c.id = e.community_id
                JOIN region st ON st.id = c.parent_id
                JOIN region d ON d.id = st.parent_id
                JOIN region ci ON ci.id = d.parent_id
                LEFT JOIN property_company pc ON pc.id = e.company_id
                WHERE e.id = ANY (CAST(:ids AS bigint[]))
                ORDER BY e.id""")
                .param("ids", SqlArrays.ids(estateIds))
                .query((rs, i) -> new EstatePlacement(rs.getLong("id"), rs.getString("name"),
                        rs.getString("region_path"), EstateCategory.valueOf(rs.getString("category")),
                        rs.getBoolean("old_estate"), rs.getLong("street_id"), rs.getString("street_name"),
                        rs.getLong("district_id"), rs.getString("district_name"), rs.getLong("city_id"),
                        rs.getString("city_name"), (Long) rs.getObject("company_id"), rs.getString("company_name")))
                .list();
    }

    /**
     * The estates of every street office, counted by category and old-estate flag, with district and city (streets
     * without estates are left out), ordered by district and street.
     */
    public List<StreetEstates> estatesByStreet() {
        return jdbc.sql("""
                SELECT st.id AS street_id, st.name AS street_name, d.id AS district_id, d.name AS district_name,
                       ci.id AS city_id, ci.name AS city_name, e.category, e.old_estate, count(*) AS estates
                FROM estate e
                JOIN region c ON c.id = e.community_id
                JOIN region st ON st.id = c.parent_id
                JOIN region d ON d.id = st.parent_id
                JOIN region ci ON ci.id = d.parent_id
                GROUP BY st.id, st.name, d.id, d.name, ci.id, ci.name, e.category, e.old_estate
                ORDER BY d.code, st.code, e.category, e.old_estate""")
                .query((rs, i) -> new StreetEstates(rs.getLong("street_id"), rs.getString("street_name"),
                        rs.getLong("district_id"), rs.getString("district_name"), rs.getLong("city_id"),
                        rs.getString("city_name"), EstateCategory.valueOf(rs.getString("category")),
                        rs.getBoolean("old_estate"), rs.getInt("estates")))
                .list();
    }

    /**
     * The households registered in these estates, ordered by estate and id (e.g. the households a survey counts,
     * copied when it opens). Any number of ids: they travel as one array parameter.
     */
    public List<HouseholdRef> householdsOf(Collection<Long> estateIds) {
        if (estateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, estate_id, building, unit, room FROM household
                WHERE estate_id = ANY (CAST(:ids AS bigint[])) ORDER BY estate_id, id""")
                .param("ids", SqlArrays.ids(estateIds))
                .query((rs, i) -> new HouseholdRef(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("building"),
                        rs.getString("unit"), rs.getString("room")))
                .list();
    }

    /**
     * The project managers of a company, each with the estates assigned to them, ordered by name; an estate's project
     * manager is the one whose estates contain it.
     */
    public List<ProjectManagerRef> projectManagers(long companyId) {
        return jdbc.sql("""
                SELECT pm.id, pm.company_id, pm.name, pm.certificate_no,
                       COALESCE(array_agg(e.id ORDER BY e.id) FILTER (WHERE e.id IS NOT NULL), '{}') AS estates
                FROM project_manager pm LEFT JOIN estate e ON e.project_manager_id = pm.id
                WHERE pm.company_id = :company
                GROUP BY pm.id ORDER BY pm.name, pm.id""")
                .param("company", companyId)
                .query((rs, i) -> new ProjectManagerRef(rs.getLong("id"), rs.getLong("company_id"),
                        rs.getString("name"), rs.getString("certificate_no"),
                        List.of((Long[]) rs.getArray("estates").getArray())))
                .list();
    }

    /** The contracted floor area and contract start (entry date) of each given estate; unknown ids are left out. */
    public List<EstateTerms> estateTerms(Collection<Long> estateIds) {
        if (estateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, floor_area, contract_start FROM estate
                WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY id""")
                .param("ids", SqlArrays.ids(estateIds))
                .query((rs, i) -> new EstateTerms(rs.getLong("id"), rs.getBigDecimal("floor_area"),
                        rs.getObject("contract_start", java.time.LocalDate.class)))
                .list();
    }

    /** An estate's management mode, owners' committee term, contract start and company; empty when unknown. */
    public Optional<EstateGovernance> governance(long estateId) {
        return jdbc.sql("""
                SELECT e.id, e.name, e.region_path, e.management_mode, oc.term_end, e.contract_start, e.company_id,
                       pc.name AS company_name
                FROM estate e
                LEFT JOIN owners_committee oc ON oc.estate_id = e.id
                LEFT JOIN property_company pc ON pc.id = e.company_id
                WHERE e.id = :id""")
                .param("id", estateId)
                .query((rs, i) -> new EstateGovernance(rs.getLong("id"), rs.getString("name"),
                        rs.getString("region_path"), ManagementMode.valueOf(rs.getString("management_mode")),
                        rs.getObject("term_end", java.time.LocalDate.class),
                        rs.getObject("contract_start", java.time.LocalDate.class), (Long) rs.getObject("company_id"),
                        rs.getString("company_name")))
                .optional();
    }

    public long estateCount() {
        return jdbc.sql("SELECT count(*) FROM estate").query(Long.class).single();
    }
}
