package cn.kaoping.inspection.internal;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.Map;

/**
 * Who sees and does what in rounds. A regional user sees the inspections of estates under his region (a street
 * officer: his street only; the tasks of a draft round only if he leads it); a company user and a committee member
 * see their estates' results once publicity starts. Anything outside scope answers 404, like a missing record.
 * The SQL conditions expect the aliases {@code i} (inspection) and {@code r} (round).
 */
public final class Scope {

    private Scope() {
    }

    /** SQL condition on {@code inspection i JOIN round r} limiting inspections to what the principal may see. */
    public static SqlCondition inspections(KaopingPrincipal p) {
        return switch (p.role()) {
            case COMPANY_USER -> new SqlCondition(
                    "i.company_id = :scopeCompany AND r.status IN ('PUBLICITY', 'PUBLISHED')",
                    Map.of("scopeCompany", p.companyId() == null ? -1L : p.companyId()));
            case COMMITTEE_MEMBER -> new SqlCondition(
                    "i.estate_id = :scopeEstate AND r.status IN ('PUBLICITY', 'PUBLISHED')",
                    Map.of("scopeEstate", p.estateId() == null ? -1L : p.estateId()));
            default -> new SqlCondition(
                    "i.estate_path LIKE :scopePath AND (r.status <> 'DRAFT' OR r.region_path LIKE :scopePath)",
                    Map.of("scopePath", p.regionPath() + "%"));
        };
    }

    /** SQL condition on {@code round r}: rounds the principal leads, or that hold an inspection he may see. */
    public static SqlCondition rounds(KaopingPrincipal p) {
        SqlCondition i = inspections(p);
        String own = p.role().isRegional() ? "r.region_path LIKE :scopePath OR " : "";
        return new SqlCondition("(" + own + "EXISTS (SELECT 1 FROM inspection i WHERE i.round_id = r.id AND "
                + i.sql() + "))", i.params());
    }

    /** Whether the principal leads the round: opens it, reviews its inspections, publishes and corrects it. */
    public static boolean leads(KaopingPrincipal p, Round round) {
        return (p.role() == Role.DISTRICT_ADMIN || p.role() == Role.CITY_ADMIN) && p.covers(round.regionPath());
    }

    /** Whether the principal's role inspects estates at all (has open tasks): the street office. */
    public static boolean inspectsEstates(KaopingPrincipal p) {
        return p.role() == Role.STREET_OFFICER;
    }

    /** Whether the principal inspects the estate: a street officer of the estate's street. */
    public static boolean inspects(KaopingPrincipal p, Inspection inspection) {
        return p.role() == Role.STREET_OFFICER && p.covers(inspection.estatePath());
    }

    /** Whether the principal may see the inspection (the same rule as {@link #inspections}). */
    public static boolean sees(KaopingPrincipal p, Round round, Inspection inspection) {
        boolean public_ = round.status() == RoundStatus.PUBLICITY || round.status() == RoundStatus.PUBLISHED;
        return switch (p.role()) {
            case COMPANY_USER -> public_ && p.companyId() != null && p.companyId().equals(inspection.companyId());
            case COMMITTEE_MEMBER -> public_ && p.estateId() != null && p.estateId() == inspection.estateId();
            default -> p.covers(inspection.estatePath())
                    && (round.status() != RoundStatus.DRAFT || p.covers(round.regionPath()));
        };
    }

    /** Whether the principal may object to the inspection's findings: the estate's company, during publicity. */
    public static boolean mayObject(KaopingPrincipal p, Inspection inspection) {
        return p.role() == Role.COMPANY_USER && p.companyId() != null
                && p.companyId().equals(inspection.companyId());
    }

    /** A SQL condition and its parameters. */
    public record SqlCondition(String sql, Map<String, Object> params) {
    }
}
