package cn.kaoping.subsidy.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rates (元/㎡/月 by grade) a district sets for a year, else the defaults of seed 004; a year's rates are locked
 * once one of its claims is approved, and a change recomputes the year's draft claims.
 */
@Service
@Transactional
public class SubsidyRates {

    /** The largest rate the table holds (NUMERIC(6, 2)). */
    public static final BigDecimal MAX_RATE = new BigDecimal("9999.99");

    private final JdbcClient jdbc;
    private final ClaimStore store;
    private final LineAmounts amounts;
    private final OrganisationDirectory directory;
    private final AuditLog audit;

    SubsidyRates(JdbcClient jdbc, ClaimStore store, LineAmounts amounts, OrganisationDirectory directory,
                 AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.amounts = amounts;
        this.directory = directory;
        this.audit = audit;
    }

    /** The rates that apply in a district and year: its own if set, else the defaults of seed 004. */
    public Map<String, BigDecimal> rates(long districtId, int year) {
        Map<String, BigDecimal> rates = new HashMap<>();
        jdbc.sql("""
                SELECT grade, rate FROM subsidy_rate WHERE (district_id = :d AND year = :y) OR district_id IS NULL
                ORDER BY district_id NULLS FIRST""")
                .param("d", districtId).param("y", year)
                .query((rs, i) -> rates.put(rs.getString("grade"), rs.getBigDecimal("rate"))).list();
        return rates;
    }

    /** Sets a district's rates for a year (DISTRICT_ADMIN of that district); draft claims of that year follow. */
    public Map<String, BigDecimal> setRates(KaopingPrincipal p, int year, Map<String, BigDecimal> given) {
        Access.require(Access.setsRates(p), "只有区房产主管部门可以设置补贴标准");
        RegionRef district = directory.region(p.regionId()).orElseThrow();
        String locked = approvedClaimOf(district.id(), year);
        if (locked != null) {
            throw new ConflictException(year + " 年已有补贴申报经区政府审批（" + locked + "），金额已锁定，"
                    + "不能再修改本年度的补贴标准");
        }
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        for (String g : SubsidyRule.DEFAULT_RATES.keySet()) {
            BigDecimal r = given == null ? null : given.get(g);
            String problem = rateProblem(r);
            if (problem != null) {
                problems.add(new ValidationException.FieldProblem(g, problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Map<String, BigDecimal> before = rates(district.id(), year);
        for (String g : SubsidyRule.DEFAULT_RATES.keySet()) {
            jdbc.sql("""
                    INSERT INTO subsidy_rate (district_id, year, grade, rate, updated_by) VALUES (:d, :y, :g, :r, :by)
                    ON CONFLICT (COALESCE(district_id, 0), COALESCE(year, 0), grade)
                    DO UPDATE SET rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                    .param("d", district.id()).param("y", year).param("g", g).param("r", given.get(g))
                    .param("by", p.username()).update();
        }
        Map<String, BigDecimal> after = rates(district.id(), year);
        for (Long claim : store.drafts(district.id(), year)) {
            amounts.recompute(claim, after);
        }
        audit.record("SUBSIDY_RATES", "subsidy_rate", district.id() + "/" + year,
                district.name() + " " + year + " 年补贴标准", before, after);
        return after;
    }

    /** Why a rate (元/㎡/月) cannot be used, or null: not given, negative, more than two decimals, too large. */
    public static String rateProblem(BigDecimal rate) {
        if (rate == null) {
            return "请填写补贴标准（元/㎡/月）";
        }
        if (rate.signum() < 0) {
            return "补贴标准不能为负数";
        }
        if (rate.stripTrailingZeros().scale() > 2) {
            return "补贴标准最多两位小数（精确到分）";
        }
        if (rate.compareTo(MAX_RATE) > 0) {
            return "补贴标准不能超过 " + MAX_RATE + " 元/㎡/月";
        }
        return null;
    }

    /**
     * The first claim of the district and year that the district government has approved (or later), as "街道 期别",
     * or null. Once one is approved the year's rates are locked: its amounts were approved with them.
     */
    public String approvedClaimOf(long districtId, int year) {
        return jdbc.sql("""
                SELECT street_name || ' ' || period FROM subsidy_claim
                WHERE district_id = :d AND year = :y AND status IN ('APPROVED', 'PAID_TO_STREET', 'CLOSED')
                ORDER BY period, street_name LIMIT 1""")
                .param("d", districtId).param("y", year).query(String.class).optional().orElse(null);
    }
}
