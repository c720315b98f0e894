package cn.kaoping.ranking.internal;

import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.platform.database.SqlArrays;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingScope;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.RegionCoverage;
import cn.kaoping.ranking.rules.Coverage;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ranking tables in plain SQL. An entry's names (estate, company, street, district, city) and region path are
 * those of the published total that names it: readers join {@link #ENTRIES} and select {@link #ENTRY_COLUMNS}.
 * Published totals and ranking entries are written with one {@code COPY … FROM STDIN} per round or ranking
 * ({@link CopyRow}), so a city of 20,000 estates is one stream, not 20,000 statements or 24 bound arrays.
 */
@Repository
public class RankingStore {

    public static final RowMapper<RankingSummary> SUMMARY = (rs, i) -> new RankingSummary(rs.getLong("id"),
            rs.getString("scheme_code"), rs.getInt("scheme_version"), rs.getString("scheme_title"),
            rs.getString("period"), PeriodKind.valueOf(rs.getString("period_kind")),
            rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
            rs.getString("method"), rs.getBoolean("separate_by_category"), rs.getInt("list_size"),
            rs.getBoolean("complete"), texts(rs, "missing_periods"), rs.getInt("estates"), rs.getInt("revision"),
            rs.getString("correction"), rs.getObject("first_computed_at", OffsetDateTime.class),
            rs.getObject("computed_at", OffsetDateTime.class), RankingScope.valueOf(rs.getString("scope_level")),
            (Long) rs.getObject("scope_region_id"), rs.getString("scope_name"), rs.getBoolean("scope_complete"),
            texts(rs, "missing_streets"));

    public static final RowMapper<RegionCoverage> COVERAGE = (rs, i) -> new RegionCoverage(rs.getLong("region_id"),
            RankingScope.valueOf(rs.getString("level")), rs.getString("region_name"), rs.getBoolean("complete"),
            rs.getInt("streets_covered"), rs.getInt("streets_needed"), texts(rs, "missing_streets"));

    /** Entries with the published totals that name them. */
    public static final String ENTRIES = "ranking_entry e JOIN ranking_score s ON s.round_id = e.source_round_id"
            + " AND s.estate_id = e.estate_id";
    public static final String ENTRY_COLUMNS = "e.*, s.estate_name, s.company_name, s.street_name, s.district_name,"
            + " s.city_name, s.region_path";

    public static final RowMapper<RankingEntry> ENTRY = (rs, i) -> RankingEntry.builder()
            .rankingId(rs.getLong("ranking_id")).estateId(rs.getLong("estate_id"))
            .estateName(rs.getString("estate_name")).category(rs.getString("category"))
            .companyId((Long) rs.getObject("company_id")).companyName(rs.getString("company_name"))
            .streetId(rs.getLong("street_id")).streetName(rs.getString("street_name"))
            .districtId(rs.getLong("district_id")).districtName(rs.getString("district_name"))
            .cityId(rs.getLong("city_id")).cityName(rs.getString("city_name")).regionPath(rs.getString("region_path"))
            .score(rs.getBigDecimal("score")).grade(rs.getString("grade")).gradeLabel(rs.getString("grade_label"))
            .rankCity((Integer) rs.getObject("rank_city")).rankDistrict((Integer) rs.getObject("rank_district"))
            .rankStreet((Integer) rs.getObject("rank_street")).tiedCity(rs.getBoolean("tied_city"))
            .tiedDistrict(rs.getBoolean("tied_district")).tiedStreet(rs.getBoolean("tied_street"))
            .peersCity(rs.getInt("peers_city")).peersDistrict(rs.getInt("peers_district"))
            .peersStreet(rs.getInt("peers_street")).periodsUsed(texts(rs, "periods_used"))
            .periodsMissing(texts(rs, "periods_missing")).satisfaction(rs.getBigDecimal("satisfaction"))
            .participation(rs.getBigDecimal("participation"))
            .satisfactionValid((Boolean) rs.getObject("satisfaction_ok")).build();

    /** A published total as stored, with the period it belongs to. */
    record Score(String period, long roundId, int schemeVersion, Contender contender, OffsetDateTime publishedAt,
                 boolean oldEstate) {
    }

    /** One estate's satisfaction beside its score. */
    record Satisfaction(BigDecimal satisfaction, BigDecimal participation, boolean valid) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RankingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Serialises ranking work on one scheme across instances for the rest of the transaction. */
    void lockScheme(String schemeCode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('ranking:' || :code))").param("code", schemeCode)
                .query((rs, i) -> 1).list();
    }

    /** A round's totals replace what an earlier revision of it stored. */
    void replaceScores(long roundId, int revision, String scheme, int schemeVersion, String period, LocalDate start,
                       LocalDate end, OffsetDateTime publishedAt, List<ScoreInput> scores) {
        jdbc.sql("DELETE FROM ranking_score WHERE round_id = :id").param("id", roundId).update();
        if (scores.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(scores.size() * 200);
        for (ScoreInput score : scores) {
            EstatePlacement p = score.placement();
            new CopyRow(rows).add(roundId).add(revision).add(scheme).add(schemeVersion).add(period).add(start)
                    .add(end).add(publishedAt).add(p.id()).add(p.name()).add(p.category().name())
                    .add(p.companyId()).add(p.companyName()).add(p.streetId()).add(p.streetName())
                    .add(p.districtId()).add(p.districtName()).add(p.cityId()).add(p.cityName())
                    .add(p.regionPath()).add(score.total()).add(score.grade()).add(score.gradeLabel())
                    .add(p.oldEstate()).end();
        }
        copy("""
                ranking_score (round_id, revision, scheme_code, scheme_version, period, period_start, period_end,
                    published_at, estate_id, estate_name, category, company_id, company_name, street_id, street_name,
                    district_id, district_name, city_id, city_name, region_path, total, grade, grade_label,
                    old_estate)""",
                rows, scores.size());
    }

    /** One estate's total in a round, placed. */
    record ScoreInput(EstatePlacement placement, BigDecimal total, String grade, String gradeLabel) {
    }

    /** A closed survey's results replace what was stored for it. */
    void replaceSatisfaction(long surveyId, Long roundId, String scheme, String title, LocalDate startsOn,
                             LocalDate endsOn, OffsetDateTime closedAt, List<SatisfactionInput> rows) {
        jdbc.sql("DELETE FROM ranking_satisfaction WHERE survey_id = :id").param("id", surveyId).update();
        for (SatisfactionInput r : rows) {
            jdbc.sql("""
                    INSERT INTO ranking_satisfaction (survey_id, round_id, scheme_code, title, starts_on, ends_on,
                        closed_at, estate_id, estate_name, region_path, households, respondents, participation,
                        min_participation, valid, satisfaction)
                    VALUES (:survey, :round, :scheme, :title, :starts, :ends, :closed, :estate, :name, :path,
                        :households, :respondents, :participation, :min, :valid, :satisfaction)""")
                    .param("survey", surveyId).param("round", roundId).param("scheme", scheme).param("title", title)
                    .param("starts", startsOn).param("ends", endsOn).param("closed", closedAt)
                    .param("estate", r.estateId()).param("name", r.estateName()).param("path", r.regionPath())
                    .param("households", r.households()).param("respondents", r.respondents())
                    .param("participation", r.participation()).param("min", r.minParticipation())
                    .param("valid", r.valid()).param("satisfaction", r.satisfaction()).update();
        }
    }

    record SatisfactionInput(long estateId, String estateName, String regionPath, int households, int respondents,
                             BigDecimal participation, BigDecimal minParticipation, boolean valid,
                             BigDecimal satisfaction) {
    }

    /** The latest published total of each estate in each of the periods (one round per estate and period). */
    List<Score> scores(String scheme, Collection<String> periods) {
        return jdbc.sql("""
                SELECT DISTINCT ON (estate_id, period) *
                FROM ranking_score WHERE scheme_code = :scheme AND period = ANY (CAST(:periods AS text[]))
                ORDER BY estate_id, period, published_at DESC, round_id DESC""")
                .param("scheme", scheme).param("periods", SqlArrays.texts(periods))
                .query((rs, i) -> new Score(rs.getString("period"), rs.getLong("round_id"),
                        rs.getInt("scheme_version"), Contender.builder().estateId(rs.getLong("estate_id"))
                        .estateName(rs.getString("estate_name")).category(rs.getString("category"))
                        .companyId((Long) rs.getObject("company_id")).companyName(rs.getString("company_name"))
                        .streetId(rs.getLong("street_id")).streetName(rs.getString("street_name"))
                        .districtId(rs.getLong("district_id")).districtName(rs.getString("district_name"))
                        .cityId(rs.getLong("city_id")).cityName(rs.getString("city_name"))
                        .regionPath(rs.getString("region_path")).score(rs.getBigDecimal("total"))
                        .grade(rs.getString("grade")).gradeLabel(rs.getString("grade_label"))
                        .periodsUsed(List.of(rs.getString("period"))).sourceRound(rs.getLong("round_id")).build(),
                        rs.getObject("published_at", OffsetDateTime.class), rs.getBoolean("old_estate")))
                .list();
    }

    int latestSchemeVersion(String scheme) {
        return jdbc.sql("SELECT coalesce(max(scheme_version), 1) FROM ranking_score WHERE scheme_code = :scheme")
                .param("scheme", scheme).query(Integer.class).single();
    }

    /** Periods of a scheme that have published totals. */
    List<String> periodsWithScores(String scheme) {
        return jdbc.sql("SELECT DISTINCT period FROM ranking_score WHERE scheme_code = :scheme ORDER BY period")
                .param("scheme", scheme).query(String.class).list();
    }

    /**
     * The satisfaction beside each estate's score: the latest closed survey held for one of the rounds, or for the
     * scheme within the period.
     */
    Map<Long, Satisfaction> satisfaction(String scheme, LocalDate start, LocalDate end, Collection<Long> rounds) {
        Map<Long, Satisfaction> result = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (estate_id) estate_id, satisfaction, participation, valid
                FROM ranking_satisfaction
                WHERE round_id = ANY (CAST(:rounds AS bigint[]))
                   OR (scheme_code = :scheme AND ends_on BETWEEN :start AND :end)
                ORDER BY estate_id, closed_at DESC, survey_id DESC""")
                .param("rounds", SqlArrays.ids(rounds)).param("scheme", scheme)
                .param("start", start).param("end", end)
                .query((RowMapper<Void>) (rs, i) -> {
                    result.put(rs.getLong("estate_id"), new Satisfaction(rs.getBigDecimal("satisfaction"),
                            rs.getBigDecimal("participation"), rs.getBoolean("valid")));
                    return null;
                }).list();
        return result;
    }

    /** Rankings touched by a closed survey: those of its rounds or of its scheme whose period holds its end. */
    List<RankingSummary> affectedBySurvey(String scheme, Long roundId, LocalDate endsOn) {
        return jdbc.sql("""
                SELECT * FROM ranking r
                WHERE (r.scheme_code = :scheme AND :ends BETWEEN r.period_start AND r.period_end)
                   OR EXISTS (SELECT 1 FROM ranking_score s WHERE s.round_id = :round
                              AND s.scheme_code = r.scheme_code AND s.period_start >= r.period_start
                              AND s.period_end <= r.period_end)""")
                .param("scheme", scheme).param("ends", endsOn).param("round", roundId).query(SUMMARY).list();
    }

    /** Inserts or updates a ranking's header; a correction raises its revision. Returns the ranking's id. */
    long saveRanking(String scheme, int schemeVersion, String schemeTitle, String period, PeriodKind kind,
                     LocalDate start, LocalDate end, String method, boolean separate, int listSize, boolean complete,
                     List<String> missing, int estates, String correction, OffsetDateTime at,
                     Coverage.Region scope) {
        return jdbc.sql("""
                INSERT INTO ranking (scheme_code, scheme_version, scheme_title, period, period_kind, period_start,
                    period_end, method, separate_by_category, list_size, complete, missing_periods, estates, revision,
                    correction, first_computed_at, computed_at, scope_level, scope_region_id, scope_name,
                    scope_complete, missing_streets)
                VALUES (:scheme, :version, :title, :period, :kind, :start, :end, :method, :separate, :n, :complete,
                    CAST(:missing AS text[]), :estates, 1, NULL, :at, :at, :level, CAST(:region AS bigint), :name, :whole,
                    CAST(:streets AS text[]))
                ON CONFLICT (scheme_code, period) DO UPDATE SET
                    scheme_version = EXCLUDED.scheme_version, scheme_title = EXCLUDED.scheme_title,
                    method = EXCLUDED.method, separate_by_category = EXCLUDED.separate_by_category,
                    list_size = EXCLUDED.list_size, complete = EXCLUDED.complete,
                    missing_periods = EXCLUDED.missing_periods, estates = EXCLUDED.estates,
                    revision = ranking.revision + CASE WHEN CAST(:correction AS text) IS NULL THEN 0 ELSE 1 END,
                    correction = coalesce(CAST(:correction AS text), ranking.correction),
                    computed_at = EXCLUDED.computed_at, scope_level = EXCLUDED.scope_level,
                    scope_region_id = EXCLUDED.scope_region_id, scope_name = EXCLUDED.scope_name,
                    scope_complete = EXCLUDED.scope_complete, missing_streets = EXCLUDED.missing_streets
                RETURNING id""")
                .param("scheme", scheme).param("version", schemeVersion).param("title", schemeTitle)
                .param("period", period).param("kind", kind.name()).param("start", start).param("end", end)
                .param("method", method).param("separate", separate).param("n", listSize).param("complete", complete)
                .param("missing", SqlArrays.texts(missing)).param("estates", estates).param("correction", correction)
                .param("at", at).param("level", scope.level().name())
                .param("region", scope.id() == 0 ? null : scope.id()).param("name", scope.name())
                .param("whole", scope.complete()).param("streets", SqlArrays.texts(scope.missingStreets()))
                .query(Long.class).single();
    }

    /** Replaces what a ranking records of the districts and the city its rounds covered. */
    void replaceCoverage(long rankingId, Coverage coverage) {
        jdbc.sql("DELETE FROM ranking_coverage WHERE ranking_id = :id").param("id", rankingId).update();
        List<Coverage.Region> regions = new java.util.ArrayList<>(coverage.cities());
        regions.addAll(coverage.districts());
        for (Coverage.Region r : regions) {
            jdbc.sql("""
                    INSERT INTO ranking_coverage (ranking_id, region_id, level, region_name, complete, streets_covered,
                        streets_needed, missing_streets)
                    VALUES (:id, :region, :level, :name, :complete, :covered, :needed, CAST(:missing AS text[]))""")
                    .param("id", rankingId).param("region", r.id()).param("level", r.level().name())
                    .param("name", r.name()).param("complete", r.complete()).param("covered", r.streetsCovered())
                    .param("needed", r.streetsNeeded()).param("missing", SqlArrays.texts(r.missingStreets()))
                    .update();
        }
    }

    Optional<RankingSummary> summary(long id) {
        return jdbc.sql("SELECT * FROM ranking WHERE id = :id").param("id", id).query(SUMMARY).optional();
    }

    /** Replaces every entry of a ranking; {@code sources} gives each estate's naming round. */
    void replaceEntries(long rankingId, List<RankingEntry> entries, Map<Long, Long> sources) {
        jdbc.sql("DELETE FROM ranking_entry WHERE ranking_id = :id").param("id", rankingId).update();
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(entries.size() * 160);
        for (RankingEntry e : entries) {
            CopyRow row = new CopyRow(rows);
            row.add(rankingId).add(e.estateId()).add(sources.get(e.estateId())).add(e.category()).add(e.companyId())
                    .add(e.streetId()).add(e.districtId()).add(e.cityId()).add(e.score()).add(e.grade())
                    .add(e.gradeLabel()).add(e.rankCity()).add(e.rankDistrict()).add(e.rankStreet())
                    .add(e.tiedCity()).add(e.tiedDistrict()).add(e.tiedStreet()).add(e.peersCity())
                    .add(e.peersDistrict()).add(e.peersStreet()).addArray(e.periodsUsed())
                    .addArray(e.periodsMissing()).add(e.satisfaction()).add(e.participation())
                    .add(e.satisfactionValid()).end();
        }
        copy("""
                ranking_entry (ranking_id, estate_id, source_round_id, category, company_id, street_id, district_id,
                    city_id, score, grade, grade_label, rank_city, rank_district, rank_street, tied_city,
                    tied_district, tied_street, peers_city, peers_district, peers_street, periods_used,
                    periods_missing, satisfaction, participation, satisfaction_ok)""", rows, entries.size());
    }

    /**
     * Streams rows in COPY's text format into a table: an order of magnitude less work for driver and server than
     * binding one array per column to {@code INSERT … SELECT FROM unnest(…)}.
     */
    private void copy(String tableAndColumns, CharSequence rows, int expected) {
        long written = template.execute((ConnectionCallback<Long>) c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(rows.toString()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        if (written != expected) {
            throw new IllegalStateException("COPY wrote " + written + " of " + expected + " rows");
        }
    }

    /** The estates of a top or bottom list as last announced, or empty when it never was. */
    Optional<List<Long>> announcedList(long rankingId, String end, long districtId, String category) {
        return jdbc.sql("""
                SELECT estate_ids FROM ranking_list
                WHERE ranking_id = :id AND list_end = :end AND district_id = :district AND category = :category""")
                .param("id", rankingId).param("end", end).param("district", districtId).param("category", category)
                .query((rs, i) -> Arrays.stream((Long[]) rs.getArray("estate_ids").getArray()).toList()).optional();
    }

    void saveList(long rankingId, String end, long districtId, String category, List<Long> estateIds,
                  OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO ranking_list (ranking_id, list_end, district_id, category, estate_ids, announced_at)
                VALUES (:id, :end, :district, :category, CAST(:ids AS bigint[]), :at)
                ON CONFLICT (ranking_id, list_end, district_id, category)
                DO UPDATE SET estate_ids = EXCLUDED.estate_ids, announced_at = EXCLUDED.announced_at""")
                .param("id", rankingId).param("end", end).param("district", districtId).param("category", category)
                .param("ids", SqlArrays.ids(estateIds)).param("at", at).update();
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.stream((String[]) a.getArray()).toList();
    }
}
