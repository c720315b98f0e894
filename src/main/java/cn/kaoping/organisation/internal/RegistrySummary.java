package cn.kaoping.organisation.internal;

import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts for the start page, within the user's scope. */
@Service
public class RegistrySummary {

    private final JdbcClient jdbc;

    RegistrySummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(long estates, long oldEstates, long professional, long basic, long companies,
                          long households, BigDecimal floorArea, long withCommittee) {
    }

    @Transactional(readOnly = true)
    public Summary of(KaopingPrincipal p) {
        EstateScope scope = EstateScope.of(p, "e");
        return jdbc.sql("""
                SELECT count(*) AS estates,
                       count(*) FILTER (WHERE e.old_estate) AS old_estates,
                       count(*) FILTER (WHERE e.category = 'PROFESSIONAL') AS professional,
                       count(*) FILTER (WHERE e.category = 'BASIC') AS basic,
                       count(DISTINCT e.company_id) AS companies,
                       coalesce(sum(e.household_count), 0) AS households,
                       coalesce(sum(e.floor_area), 0) AS floor_area,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM owners_committee oc WHERE oc.estate_id = e.id))
                           AS with_committee
                FROM estate e""" + " WHERE " + scope.condition())
                .params(scope.params())
                .query((rs, i) -> new Summary(rs.getLong("estates"), rs.getLong("old_estates"),
                        rs.getLong("professional"), rs.getLong("basic"), rs.getLong("companies"),
                        rs.getLong("households"), rs.getBigDecimal("floor_area"), rs.getLong("with_committee")))
                .single();
    }
}
