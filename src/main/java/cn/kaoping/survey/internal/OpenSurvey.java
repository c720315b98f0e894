package cn.kaoping.survey.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.HouseholdRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.survey.internal.SurveyForms.SurveyForm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organiser opens a survey over the estates of a region. Talks to the registry only through
 * {@link OrganisationDirectory}: the estates (name, region path, street, district) and the households it counts are
 * copied into the survey's own tables, and every query after that reads only those tables.
 */
@Service
public class OpenSurvey {

    /** Estates whose households are read and copied in one go when a survey opens (a few tens of thousands). */
    private static final int ESTATES_PER_SLICE = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Questionnaires questionnaires;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    OpenSurvey(JdbcClient jdbc, JdbcTemplate template, Questionnaires questionnaires, OrganisationDirectory directory,
               AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.questionnaires = questionnaires;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a survey over the estates of a region (those of the questionnaire's category, or the chosen ones). */
    @Transactional
    public long create(KaopingPrincipal p, SurveyForm form) {
        SurveyAccess.require(SurveyAccess.organises(p), "您的角色不能发起满意度调查");
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        Questionnaire q = questionnaires.all().stream().filter(x -> x.code().equals(form.questionnaire()))
                .findFirst().orElse(null);
        if (q == null) {
            problems.add(new ValidationException.FieldProblem("questionnaire", "请选择问卷"));
        }
        if (form.title() == null || form.title().isBlank()) {
            problems.add(new ValidationException.FieldProblem("title", "请填写调查名称"));
        } else if (form.title().length() > 100) {
            problems.add(new ValidationException.FieldProblem("title", "不能超过 100 个字"));
        }
        if (form.startsOn() == null) {
            problems.add(new ValidationException.FieldProblem("startsOn", "请填写开始日期"));
        }
        if (form.endsOn() == null) {
            problems.add(new ValidationException.FieldProblem("endsOn", "请填写结束日期"));
        } else if (form.startsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            problems.add(new ValidationException.FieldProblem("endsOn", "结束日期不能早于开始日期"));
        }
        RegionRef region = form.regionId() == null ? null
                : directory.region(form.regionId()).filter(r -> p.covers(r.path())).orElse(null);
        if (region == null) {
            problems.add(new ValidationException.FieldProblem("regionId", "请选择您辖区内的区域"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        // the estates and households come from the registry's facade and are copied: the survey keeps the picture
        // of the day it opened (names, street, district, the households counted), and every later query reads only
        // the survey's own tables
        Set<Long> chosen = form.estateIds() == null ? Set.of() : new HashSet<>(form.estateIds());
        List<EstateListing> estates = directory.estatesUnder(region.path(), null, q.category(), false).stream()
                .filter(e -> chosen.isEmpty() || chosen.contains(e.id()))
                .sorted(Comparator.comparingLong(EstateListing::id))
                .toList();
        if (estates.isEmpty()) {
            throw new ValidationException("regionId", "该区域内没有适用此问卷的小区");
        }
        long id = jdbc.sql("""
                INSERT INTO survey (title, questionnaire, round_id, region_path, starts_on, ends_on, status, salt,
                                    created_by, created_at)
                VALUES (:title, :q, :round, :path, :starts, :ends, 'OPEN', :salt, :by, :at) RETURNING id""")
                .param("title", form.title().trim()).param("q", q.code()).param("round", form.roundId())
                .param("path", p.regionPath()).param("starts", form.startsOn()).param("ends", form.endsOn())
                .param("salt", Codes.salt()).param("by", p.username()).param("at", OffsetDateTime.now(clock))
                .query(Long.class).single();
        Map<Long, String> districts = new HashMap<>();
        List<Object[]> rows = estates.stream().map(e -> new Object[] {id, e.id(), e.regionPath(), Codes.linkKey(),
                e.name(), districtName(e.regionPath(), districts), e.streetName()}).toList();
        template.batchUpdate("""
                INSERT INTO survey_estate (survey_id, estate_id, region_path, link_key, estate_name, district_name,
                                           street_name)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
        // the households counted are those registered when the survey opens
        int households = copyHouseholds(id, estates.stream().map(EstateListing::id).toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("title", form.title().trim());
        after.put("questionnaire", q.code());
        after.put("region", region.name());
        after.put("startsOn", form.startsOn().toString());
        after.put("endsOn", form.endsOn().toString());
        after.put("estates", estates.size());
        after.put("households", households);
        audit.record("CREATE", "survey", id, "发起满意度调查 " + form.title().trim() + "（" + region.name() + "，"
                + estates.size() + " 个小区，" + households + " 户）", null, after);
        return id;
    }

    /** The district of a region path {@code /city/district/street/community/} by the registry's name, cached. */
    private String districtName(String regionPath, Map<Long, String> cache) {
        String[] parts = regionPath.split("/");
        if (parts.length < 3 || parts[2].isEmpty()) {
            return null;
        }
        long districtId = Long.parseLong(parts[2]);
        return cache.computeIfAbsent(districtId, k -> directory.region(k).map(RegionRef::name).orElse(null));
    }

    /**
     * Copies the registered households of these estates into {@code survey_household}, a slice of estates at a time
     * (one array-valued {@code INSERT} per slice), and stores each estate's count; returns the total.
     */
    private int copyHouseholds(long surveyId, List<Long> estateIds) {
        int total = 0;
        for (int from = 0; from < estateIds.size(); from += ESTATES_PER_SLICE) {
            List<HouseholdRef> slice = directory.householdsOf(
                    estateIds.subList(from, Math.min(estateIds.size(), from + ESTATES_PER_SLICE)));
            if (slice.isEmpty()) {
                continue;
            }
            Long[] ids = new Long[slice.size()];
            Long[] estates = new Long[slice.size()];
            String[] buildings = new String[slice.size()];
            String[] units = new String[slice.size()];
            String[] rooms = new String[slice.size()];
            for (int i = 0; i < slice.size(); i++) {
                HouseholdRef h = slice.get(i);
                ids[i] = h.id();
                estates[i] = h.estateId();
                buildings[i] = h.building();
                units[i] = h.unit();
                rooms[i] = h.room();
            }
            total += template.execute((Connection con) -> {
                try (PreparedStatement ps = con.prepareStatement("""
                        INSERT INTO survey_household (survey_id, household_id, estate_id, building, unit, room)
                        SELECT ?, * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])""")) {
                    ps.setLong(1, surveyId);
                    ps.setArray(2, con.createArrayOf("bigint", ids));
                    ps.setArray(3, con.createArrayOf("bigint", estates));
                    ps.setArray(4, con.createArrayOf("text", buildings));
                    ps.setArray(5, con.createArrayOf("text", units));
                    ps.setArray(6, con.createArrayOf("text", rooms));
                    return ps.executeUpdate();
                }
            });
        }
        jdbc.sql("""
                UPDATE survey_estate se SET household_count = c.n
                FROM (SELECT estate_id, count(*) AS n FROM survey_household WHERE survey_id = :s GROUP BY estate_id) c
                WHERE se.survey_id = :s AND se.estate_id = c.estate_id""")
                .param("s", surveyId).update();
        return total;
    }
}
