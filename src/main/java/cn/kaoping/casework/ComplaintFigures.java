package cn.kaoping.casework;

import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.OrganisationDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint figures for a region (a street, a district), optionally one company or one estate, over the days
 * received from {@code from} to {@code to} (issue 14), whole or per street, company or estate: what the
 * street-office assessment (seed 001 row 6: 6.3 complaints the street resolved — {@link Figures#closed()} — and
 * complaints pushed back without handling — {@link Figures#pushedBack()}), the daily inspection's complaint rows and
 * the credit file read. On time means on or before the deadline day in China time. They are read from the daily
 * roll-up {@code complaint_day}, which a trigger keeps equal to the complaints (V35).
 */
@Service
public class ComplaintFigures {

    /** The counts of one group, summed over its days in the roll-up {@code complaint_day} (V35). */
    private static final String COUNTS = """
            coalesce(sum(received), 0) AS received, coalesce(sum(signed_on_time), 0) AS signed_on_time,
            coalesce(sum(closed), 0) AS closed, coalesce(sum(closed_on_time), 0) AS closed_on_time,
            coalesce(sum(pushed_back), 0) AS pushed_back, coalesce(sum(satisfied), 0) AS satisfied,
            coalesce(sum(basically), 0) AS basically, coalesce(sum(unsatisfied), 0) AS unsatisfied,
            coalesce(sum(repeats), 0) AS repeats, coalesce(sum(open), 0) AS open""";

    private static final String WHERE = """
            WHERE c.estate_path LIKE :path || '%'
              AND (CAST(:company AS bigint) IS NULL OR c.company_key = :company)
              AND (CAST(:estate AS bigint) IS NULL OR c.estate_id = :estate)
              AND c.day BETWEEN :from AND :to""";

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;

    ComplaintFigures(JdbcClient jdbc, OrganisationDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * @param closed   closed (办结) by the street: seed 001 row 6.3's complaints the street resolved (街道化解)
     * @param pushedBack pushed back (退回) without handling: seed 001 row 6.3's deduction
     * @param repeats  complaints on the same estate and category as another received in the 30 days before
     */
    public record Figures(long received, long signedOnTime, long closed, long closedOnTime, long pushedBack,
                          long satisfied, long basicallySatisfied, long unsatisfied, long repeats, long open) {
    }

    /** One estate's figures. */
    public record EstateFigures(long estateId, String estateName, Figures figures) {
    }

    /** One street's, company's or estate's figures; id 0 gathers complaints about estates without a company. */
    public record Group(long id, String name, Figures figures) {
    }

    /** Figures per estate of a region (only estates with a complaint in the period). */
    @Transactional(readOnly = true)
    public List<EstateFigures> byEstate(String regionPath, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT c.estate_id, min(c.estate_name) AS estate_name, " + COUNTS + " FROM complaint_day c "
                        + WHERE + " GROUP BY c.estate_id HAVING sum(received) > 0"
                        + " ORDER BY min(c.estate_name), c.estate_id")
                .param("path", regionPath).param("company", null, Types.BIGINT)
                .param("estate", null, Types.BIGINT).param("from", from).param("to", to)
                .query((rs, n) -> new EstateFigures(rs.getLong("estate_id"), rs.getString("estate_name"),
                        figures(rs))).list();
    }

    /** Figures per street office of a region, from its estates' (only streets with a complaint in the period). */
    @Transactional(readOnly = true)
    public List<Group> byStreet(String regionPath, LocalDate from, LocalDate to) {
        List<EstateFigures> estates = byEstate(regionPath, from, to);
        Map<Long, String> streetName = new HashMap<>();
        Map<Long, Long> streetOf = new HashMap<>();
        for (EstatePlacement pl : directory.placements(estates.stream().map(EstateFigures::estateId).toList())) {
            streetName.put(pl.streetId(), pl.streetName());
            streetOf.put(pl.id(), pl.streetId());
        }
        Map<Long, List<Figures>> grouped = new TreeMap<>();
        for (EstateFigures e : estates) {
            grouped.computeIfAbsent(streetOf.getOrDefault(e.estateId(), 0L), k -> new ArrayList<>()).add(e.figures());
        }
        return grouped.entrySet().stream().map(e -> new Group(e.getKey(), streetName.getOrDefault(e.getKey(), "—"),
                sum(e.getValue()))).toList();
    }

    /** Figures per property company (the estate's company when the complaint came in) of a region. */
    @Transactional(readOnly = true)
    public List<Group> byCompany(String regionPath, LocalDate from, LocalDate to) {
        List<Group> raw = jdbc.sql("SELECT c.company_key AS company_id, " + COUNTS + " FROM complaint_day c "
                        + WHERE + " GROUP BY c.company_key HAVING sum(received) > 0 ORDER BY 1")
                .param("path", regionPath).param("company", null, Types.BIGINT)
                .param("estate", null, Types.BIGINT).param("from", from).param("to", to)
                .query((rs, n) -> new Group(rs.getLong("company_id"), null, figures(rs))).list();
        return raw.stream().map(g -> new Group(g.id(), g.id() == 0 ? "—"
                : directory.companyName(g.id()).orElse("—"), g.figures())).toList();
    }

    /** The figures per estate as groups. */
    public List<Group> byEstateGroups(String regionPath, LocalDate from, LocalDate to) {
        return byEstate(regionPath, from, to).stream().map(e -> new Group(e.estateId(), e.estateName(), e.figures()))
                .toList();
    }

    /** The sum of several estates' figures (a street's, a district's). */
    public static Figures sum(Collection<Figures> all) {
        long[] t = new long[10];
        for (Figures f : all) {
            long[] v = {f.received(), f.signedOnTime(), f.closed(), f.closedOnTime(), f.pushedBack(), f.satisfied(),
                    f.basicallySatisfied(), f.unsatisfied(), f.repeats(), f.open()};
            for (int i = 0; i < t.length; i++) {
                t[i] += v[i];
            }
        }
        return new Figures(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]);
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getLong("received"), rs.getLong("signed_on_time"), rs.getLong("closed"),
                rs.getLong("closed_on_time"), rs.getLong("pushed_back"), rs.getLong("satisfied"),
                rs.getLong("basically"), rs.getLong("unsatisfied"), rs.getLong("repeats"), rs.getLong("open"));
    }

    /** A region's figures, optionally of one company's or one estate's complaints only. */
    @Transactional(readOnly = true)
    public Figures of(String regionPath, Long companyId, Long estateId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + COUNTS + " FROM complaint_day c " + WHERE)
                .param("path", regionPath).param("company", companyId, Types.BIGINT)
                .param("estate", estateId, Types.BIGINT).param("from", from).param("to", to)
                .query((rs, n) -> figures(rs))
                .single();
    }
}
