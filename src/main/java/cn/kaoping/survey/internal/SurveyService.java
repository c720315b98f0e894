package cn.kaoping.survey.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.HouseholdRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.survey.EstateSatisfaction;
import cn.kaoping.survey.SurveyClosed;
import cn.kaoping.survey.SurveyId;
import cn.kaoping.survey.internal.Views.AreaRow;
import cn.kaoping.survey.internal.Views.BuildingRow;
import cn.kaoping.survey.internal.Views.BurstFlag;
import cn.kaoping.survey.internal.Views.ChannelCount;
import cn.kaoping.survey.internal.Views.Dashboard;
import cn.kaoping.survey.internal.Views.EstateDetail;
import cn.kaoping.survey.internal.Views.EstateRow;
import cn.kaoping.survey.internal.Views.IssuedCode;
import cn.kaoping.survey.internal.Views.OptionCount;
import cn.kaoping.survey.internal.Views.QuestionBreakdown;
import cn.kaoping.survey.internal.Views.SurveyRow;
import cn.kaoping.survey.internal.Views.SurveyView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Surveys for officials: open one over the estates of a region, issue codes, key in paper forms, void, watch the
 * dashboard, close. Scope: a survey is visible to regional users whose scope holds at least one of its estates, and
 * they see only those estates; anything else answers 404.
 *
 * <p>Talks to the registry only through {@link OrganisationDirectory}: opening a survey copies the estates (name,
 * region path, street, district) and the households it counts into the survey's own tables, and every query after
 * that reads only those tables.
 */
@Service
public class SurveyService {

    private static final Logger log = LoggerFactory.getLogger(SurveyService.class);

    /** Roles that open and close surveys (SPEC: street offices run surveys; districts and the city lead). */
    static final Set<Role> ORGANISERS = Set.of(Role.SYSTEM_ADMIN, Role.CITY_ADMIN, Role.DISTRICT_ADMIN,
            Role.STREET_OFFICER);
    /** Roles that print slips and posters, key in paper forms and void responses for estates in their scope. */
    static final Set<Role> HELPERS = Set.of(Role.SYSTEM_ADMIN, Role.CITY_ADMIN, Role.DISTRICT_ADMIN,
            Role.STREET_OFFICER, Role.COMMUNITY_STAFF);

    private static final RowMapper<SurveyRecord> SURVEY = (rs, i) -> new SurveyRecord(rs.getLong("id"),
            rs.getString("title"), rs.getString("questionnaire"), (Long) rs.getObject("round_id"),
            rs.getString("region_path"), rs.getObject("starts_on", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class), rs.getString("status"), rs.getBytes("salt"),
            rs.getString("created_by"), rs.getString("closed_by"),
            rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Questionnaires questionnaires;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Intake intake;
    private final SurveySettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    SurveyService(JdbcClient jdbc, JdbcTemplate template, Questionnaires questionnaires,
                  OrganisationDirectory directory, AuditLog audit, ApplicationEventPublisher events, Intake intake,
                  SurveySettings settings, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.template = template;
        this.questionnaires = questionnaires;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.intake = intake;
        this.settings = settings;
        this.clock = clock;
    }

    record SurveyRecord(long id, String title, String questionnaire, Long roundId, String regionPath,
                        LocalDate startsOn, LocalDate endsOn, String status, byte[] salt, String createdBy,
                        String closedBy, Instant closedAt) {
    }

    /** What an official enters to open a survey. */
    public record SurveyForm(String title, String questionnaire, LocalDate startsOn, LocalDate endsOn, Long regionId,
                             List<Long> estateIds, Long roundId) {
    }

    /** A paper form keyed in by staff. */
    public record PaperForm(Channel channel, String building, String unit, String room, String code,
                            Map<String, String> answers) {
    }

    public record VoidForm(String building, String unit, String room, String code, String reason) {
    }

    public static boolean canOrganise(KaopingPrincipal p) {
        return ORGANISERS.contains(p.role());
    }

    public static boolean canHelp(KaopingPrincipal p) {
        return HELPERS.contains(p.role());
    }

    public List<Questionnaire> questionnaires() {
        return questionnaires.all();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- lists and scope

    private static String scope(KaopingPrincipal p) {
        // company users and committee members do not see surveys: a path no estate has
        return p.role().isRegional() ? p.regionPath() + "%" : "-";
    }

    @Transactional(readOnly = true)
    public List<SurveyRow> list(KaopingPrincipal p) {
        LocalDate today = today();
        return jdbc.sql("""
                SELECT s.id, s.title, s.questionnaire, s.status, s.starts_on, s.ends_on,
                       count(*) AS estates,
                       sum(se.household_count) AS households,
                       (SELECT count(*) FROM survey_response r JOIN survey_estate x
                               ON x.survey_id = r.survey_id AND x.estate_id = r.estate_id
                         WHERE r.survey_id = s.id AND x.region_path LIKE :scope) AS respondents
                FROM survey s JOIN survey_estate se ON se.survey_id = s.id
                WHERE se.region_path LIKE :scope
                GROUP BY s.id ORDER BY s.starts_on DESC, s.id DESC""")
                .param("scope", scope(p))
                .query((rs, i) -> new SurveyRow(rs.getLong("id"), rs.getString("title"),
                        title(rs.getString("questionnaire")),
                        Phase.of(rs.getString("status"), rs.getObject("starts_on", LocalDate.class),
                                rs.getObject("ends_on", LocalDate.class), today),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getInt("estates"), rs.getInt("households"), rs.getInt("respondents")))
                .list();
    }

    private String title(String questionnaire) {
        try {
            return questionnaires.get(questionnaire).title();
        } catch (NotFoundException e) {
            return questionnaire;
        }
    }

    SurveyRecord require(KaopingPrincipal p, long id) {
        return jdbc.sql("""
                SELECT s.* FROM survey s WHERE s.id = :id AND EXISTS (
                    SELECT 1 FROM survey_estate se WHERE se.survey_id = s.id AND se.region_path LIKE :scope)""")
                .param("id", id).param("scope", scope(p)).query(SURVEY).optional()
                .orElseThrow(() -> new NotFoundException("满意度调查不存在"));
    }

    private SurveyView view(KaopingPrincipal p, SurveyRecord s) {
        return new SurveyView(s.id(), s.title(), questionnaires.get(s.questionnaire()), s.roundId(), s.startsOn(),
                s.endsOn(), Phase.of(s.status(), s.startsOn(), s.endsOn(), today()), s.createdBy(), s.closedBy(),
                s.closedAt(), mayClose(p, s));
    }

    private static boolean mayClose(KaopingPrincipal p, SurveyRecord s) {
        return canOrganise(p) && p.role().isRegional() && s.regionPath().startsWith(p.regionPath());
    }

    @Transactional(readOnly = true)
    public SurveyView get(KaopingPrincipal p, long id) {
        return view(p, require(p, id));
    }

    // ---------------------------------------------------------------- opening

    /** Opens a survey over the estates of a region (those of the questionnaire's category, or the chosen ones). */
    @Transactional
    public long create(KaopingPrincipal p, SurveyForm form) {
        if (!canOrganise(p)) {
            throw new ForbiddenException("您的角色不能发起满意度调查");
        }
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

    /** Estates whose households are read and copied in one go when a survey opens (a few tens of thousands). */
    private static final int ESTATES_PER_SLICE = 100;

    // ---------------------------------------------------------------- dashboard

    record EstateInfo(long estateId, String name, String regionPath, String district, String street,
                      String linkKey) {
    }

    private List<EstateInfo> estates(long surveyId, String scope) {
        return jdbc.sql("""
                SELECT estate_id, estate_name AS name, region_path, link_key, district_name AS district,
                       street_name AS street
                FROM survey_estate
                WHERE survey_id = :s AND region_path LIKE :scope
                ORDER BY region_path, estate_name""")
                .param("s", surveyId).param("scope", scope)
                .query((rs, i) -> new EstateInfo(rs.getLong("estate_id"), rs.getString("name"),
                        rs.getString("region_path"), rs.getString("district"), rs.getString("street"),
                        rs.getString("link_key")))
                .list();
    }

    /** The tallies of a survey's estates (all of them when scope is "%"). */
    Map<Long, Tally> tallies(long surveyId, Questionnaire q, String scope) {
        Map<Long, int[]> households = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT estate_id, household_count AS n FROM survey_estate
                WHERE survey_id = :s AND region_path LIKE :scope""")
                .param("s", surveyId).param("scope", scope)
                .query(rs -> {
                    households.put(rs.getLong("estate_id"), new int[] {rs.getInt("n")});
                });
        Map<Long, Tally> out = new LinkedHashMap<>();
        String full = q.fullySatisfiedOption();
        jdbc.sql("""
                SELECT r.estate_id, r.key_answer, count(*) AS n, sum(r.score) AS total FROM survey_response r
                JOIN survey_estate se ON se.survey_id = r.survey_id AND se.estate_id = r.estate_id
                WHERE r.survey_id = :s AND se.region_path LIKE :scope GROUP BY r.estate_id, r.key_answer""")
                .param("s", surveyId).param("scope", scope)
                .query(rs -> {
                    long estate = rs.getLong("estate_id");
                    String key = rs.getString("key_answer");
                    int n = rs.getInt("n");
                    Tally t = out.getOrDefault(estate, Tally.empty(0));
                    boolean satisfied = key != null && q.satisfied(key);
                    out.put(estate, new Tally(0, t.respondents() + n,
                            t.satisfied() + (satisfied && key.equals(full) ? n : 0),
                            t.basicallySatisfied() + (satisfied && !key.equals(full) ? n : 0),
                            t.scoreSum().add(rs.getBigDecimal("total"))));
                });
        Map<Long, Tally> result = new LinkedHashMap<>();
        households.forEach((estate, n) -> {
            Tally t = out.getOrDefault(estate, Tally.empty(0));
            result.put(estate, new Tally(n[0], t.respondents(), t.satisfied(), t.basicallySatisfied(), t.scoreSum()));
        });
        out.forEach((estate, t) -> result.putIfAbsent(estate, t));
        return result;
    }

    private static Tally sum(List<Tally> tallies) {
        int h = 0, r = 0, s = 0, b = 0;
        BigDecimal total = BigDecimal.ZERO;
        for (Tally t : tallies) {
            h += t.households();
            r += t.respondents();
            s += t.satisfied();
            b += t.basicallySatisfied();
            total = total.add(t.scoreSum());
        }
        return new Tally(h, r, s, b, total);
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(KaopingPrincipal p, long id) {
        SurveyRecord s = require(p, id);
        Questionnaire q = questionnaires.get(s.questionnaire());
        String scope = scope(p);
        Map<Long, Tally> tallies = tallies(id, q, scope);
        List<EstateRow> rows = new ArrayList<>();
        Map<String, List<Tally>> byDistrict = new LinkedHashMap<>();
        Map<String, List<Tally>> byStreet = new LinkedHashMap<>();
        Map<String, int[]> validByArea = new LinkedHashMap<>();
        for (EstateInfo e : estates(id, scope)) {
            Tally t = tallies.getOrDefault(e.estateId(), Tally.empty(0));
            EstateSatisfaction result = Scoring.evaluate(q, e.estateId(), e.name(), t);
            rows.add(new EstateRow(result, e.district(), e.street(), e.linkKey()));
            String district = e.district() == null ? "" : e.district();
            String street = district + " " + (e.street() == null ? "" : e.street());
            byDistrict.computeIfAbsent(district, k -> new ArrayList<>()).add(t);
            byStreet.computeIfAbsent(street, k -> new ArrayList<>()).add(t);
            if (result.valid()) {
                validByArea.computeIfAbsent("d:" + district, k -> new int[1])[0]++;
                validByArea.computeIfAbsent("s:" + street, k -> new int[1])[0]++;
            }
        }
        List<AreaRow> districts = new ArrayList<>();
        byDistrict.forEach((name, ts) -> districts.add(new AreaRow(name, ts.size(),
                validByArea.getOrDefault("d:" + name, new int[1])[0], Scoring.evaluate(q, 0, name, sum(ts)))));
        List<AreaRow> streets = new ArrayList<>();
        byStreet.forEach((name, ts) -> streets.add(new AreaRow(name, ts.size(),
                validByArea.getOrDefault("s:" + name, new int[1])[0], Scoring.evaluate(q, 0, name, sum(ts)))));
        EstateSatisfaction total = Scoring.evaluate(q, 0, s.title(), sum(new ArrayList<>(tallies.values())));
        return new Dashboard(view(p, s), total, districts, streets, rows, bursts(id, scope));
    }

    private List<BurstFlag> bursts(long surveyId, String scope) {
        return jdbc.sql("""
                SELECT client_hash, max(n) AS peak, count(*) AS total, min(answered_at) AS first,
                       max(answered_at) AS last
                FROM (SELECT a.client_hash, a.answered_at,
                             count(*) OVER (PARTITION BY a.client_hash ORDER BY a.answered_at
                                            RANGE BETWEEN CAST(:window AS interval) PRECEDING AND CURRENT ROW) AS n
                      FROM survey_answered a
                      JOIN survey_estate se ON se.survey_id = a.survey_id AND se.estate_id = a.estate_id
                      WHERE a.survey_id = :s AND a.client_hash IS NOT NULL AND se.region_path LIKE :scope) x
                GROUP BY client_hash HAVING max(n) >= :burst ORDER BY peak DESC LIMIT 20""")
                .param("window", settings.burstWindow().toSeconds() + " seconds").param("s", surveyId)
                .param("scope", scope).param("burst", settings.burstCount())
                .query((rs, i) -> new BurstFlag(HexFormat.of().formatHex(rs.getBytes("client_hash"), 0, 4),
                        rs.getInt("peak"), rs.getInt("total"), rs.getTimestamp("first").toInstant(),
                        rs.getTimestamp("last").toInstant()))
                .list();
    }

    EstateInfo requireEstate(KaopingPrincipal p, long surveyId, long estateId) {
        return estates(surveyId, scope(p)).stream().filter(e -> e.estateId() == estateId).findFirst()
                .orElseThrow(() -> new NotFoundException("该调查不包括此小区"));
    }

    @Transactional(readOnly = true)
    public EstateDetail estate(KaopingPrincipal p, long id, long estateId) {
        SurveyRecord s = require(p, id);
        Questionnaire q = questionnaires.get(s.questionnaire());
        EstateInfo e = requireEstate(p, id, estateId);
        Tally t = tallies(id, q, e.regionPath()).getOrDefault(estateId, Tally.empty(0));
        EstateRow row = new EstateRow(Scoring.evaluate(q, estateId, e.name(), t), e.district(), e.street(),
                e.linkKey());
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.key AS question, a.value AS option, count(*) AS n
                FROM survey_response r, jsonb_each_text(r.answers) a
                WHERE r.survey_id = :s AND r.estate_id = :e GROUP BY 1, 2""")
                .param("s", id).param("e", estateId)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("question"), k -> new LinkedHashMap<>())
                            .put(rs.getString("option"), rs.getInt("n"));
                });
        List<QuestionBreakdown> questions = new ArrayList<>();
        for (Questionnaire.Question question : q.questions()) {
            Map<String, Integer> c = counts.getOrDefault(question.code(), Map.of());
            int all = c.values().stream().mapToInt(Integer::intValue).sum();
            List<OptionCount> options = new ArrayList<>();
            for (Questionnaire.Choice o : q.options()) {
                int n = c.getOrDefault(o.code(), 0);
                options.add(new OptionCount(o.code(), o.label(), n, all == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP)));
            }
            questions.add(new QuestionBreakdown(question.code(), question.title(), options));
        }
        Map<Channel, Integer> channels = new EnumMap<>(Channel.class);
        jdbc.sql("SELECT channel, count(*) AS n FROM survey_answered WHERE survey_id = :s AND estate_id = :e GROUP BY 1")
                .param("s", id).param("e", estateId)
                .query(rs -> {
                    channels.put(Channel.valueOf(rs.getString("channel")), rs.getInt("n"));
                });
        List<ChannelCount> channelCounts = new ArrayList<>();
        for (Channel c : Channel.values()) {
            channelCounts.add(new ChannelCount(c, channels.getOrDefault(c, 0)));
        }
        List<BuildingRow> buildings = jdbc.sql("""
                SELECT h.building, count(*) AS households, count(a.household_id) AS answered,
                       count(h.code_hash) AS issued
                FROM survey_household h
                LEFT JOIN survey_answered a ON a.survey_id = h.survey_id AND a.household_id = h.household_id
                WHERE h.survey_id = :s AND h.estate_id = :e
                GROUP BY h.building ORDER BY length(h.building), h.building""")
                .param("s", id).param("e", estateId)
                .query((rs, i) -> new BuildingRow(rs.getString("building"), rs.getInt("households"),
                        rs.getInt("answered"), rs.getInt("issued")))
                .list();
        return new EstateDetail(view(p, s), row, questions, channelCounts, buildings, canHelp(p));
    }

    // ---------------------------------------------------------------- codes

    /**
     * Issues fresh one-time codes to the households of an estate that have not answered (optionally one building,
     * or one household). Any code printed before for them stops working: the plain codes exist only in the
     * returned list, which becomes the slips.
     */
    @Transactional
    public List<IssuedCode> issueCodes(KaopingPrincipal p, long id, long estateId, String building, String unit,
                                       String room) {
        SurveyRecord s = require(p, id);
        if (!canHelp(p)) {
            throw new ForbiddenException("您的角色不能发放回执码");
        }
        EstateInfo e = requireEstate(p, id, estateId);
        if ("CLOSED".equals(s.status())) {
            throw new ConflictException("调查已结束，不能再发放回执码");
        }
        List<Household> households = jdbc.sql("""
                SELECT h.household_id, h.estate_id, h.building, h.unit, h.room FROM survey_household h
                WHERE h.survey_id = :s AND h.estate_id = :e AND NOT EXISTS (
                    SELECT 1 FROM survey_answered a WHERE a.survey_id = h.survey_id AND a.household_id = h.household_id)
                ORDER BY length(h.building), h.building, length(h.unit), h.unit, length(h.room), h.room""")
                .param("s", id).param("e", estateId)
                .query((rs, i) -> new Household(rs.getLong("household_id"), rs.getLong("estate_id"),
                        rs.getString("building"), rs.getString("unit"), rs.getString("room")))
                .list().stream()
                .filter(h -> blank(building) || (blank(room)
                        ? Household.clean(h.building()).equals(Household.clean(building))
                        : h.isNamedBy(building, unit, room)))
                .toList();
        if (households.isEmpty()) {
            throw new ValidationException("building", "没有需要发放回执码的住户（不存在或均已提交）");
        }
        List<IssuedCode> issued = new ArrayList<>(households.size());
        List<Object[]> updates = new ArrayList<>(households.size());
        for (Household h : households) {
            String code = Codes.generate();
            issued.add(new IssuedCode(h.building(), h.unit(), h.room(), Codes.grouped(code)));
            updates.add(new Object[] {Codes.hash(s.salt(), code), id, h.id()});
        }
        template.batchUpdate("UPDATE survey_household SET code_hash = ? WHERE survey_id = ? AND household_id = ?",
                updates);
        String what = blank(building) ? "全部未提交住户" : blank(room) ? building + "栋未提交住户"
                : households.get(0).label();
        audit.record("ISSUE_CODES", "survey", id, "为 " + e.name() + " " + what + " 发放回执码 " + issued.size()
                + " 张（此前打印的未用回执码作废）", null, Map.of("estate", e.name(), "count", issued.size()));
        return issued;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The buildings of an estate in the survey, for posters. */
    @Transactional(readOnly = true)
    public List<String> buildings(KaopingPrincipal p, long id, long estateId) {
        require(p, id);
        requireEstate(p, id, estateId);
        return jdbc.sql("""
                SELECT DISTINCT building, length(building) FROM survey_household WHERE survey_id = :s AND estate_id = :e
                ORDER BY length(building), building""")
                .param("s", id).param("e", estateId).query((rs, i) -> rs.getString(1)).list();
    }

    @Transactional(readOnly = true)
    public String linkKey(KaopingPrincipal p, long id, long estateId) {
        require(p, id);
        return requireEstate(p, id, estateId).linkKey();
    }

    @Transactional(readOnly = true)
    public String estateName(KaopingPrincipal p, long id, long estateId) {
        require(p, id);
        return requireEstate(p, id, estateId).name();
    }

    // ---------------------------------------------------------------- paper forms and voiding

    /** Keys in a paper form; the same rules as the owner's page (one response per household, code required). */
    public Intake.Outcome keyPaperForm(KaopingPrincipal p, long id, long estateId, PaperForm form) {
        SurveyRecord s = require(p, id);
        if (!canHelp(p)) {
            throw new ForbiddenException("您的角色不能录入纸质问卷");
        }
        requireEstate(p, id, estateId);
        Questionnaire q = questionnaires.get(s.questionnaire());
        if (form.channel() == null || !form.channel().keyed()) {
            throw new ValidationException("channel", "请选择纸质问卷的收集渠道");
        }
        if ("CLOSED".equals(s.status())) {
            return Intake.Outcome.of(Intake.Status.CLOSED);
        }
        return intake.accept(new Intake.Target(id, estateId, s.salt(), q), form.code(), form.building(), form.unit(),
                form.room(), form.answers(), form.channel(), null, p.username());
    }

    /**
     * Voids the response of the household holding this code and frees the household to answer again. The code is
     * needed because nothing else links a household to its answers.
     */
    @Transactional
    public Household voidResponse(KaopingPrincipal p, long id, long estateId, VoidForm form) {
        SurveyRecord s = require(p, id);
        if (!canHelp(p)) {
            throw new ForbiddenException("您的角色不能作废答卷");
        }
        EstateInfo e = requireEstate(p, id, estateId);
        if ("CLOSED".equals(s.status())) {
            throw new ConflictException("调查已结束，答卷不能再作废");
        }
        if (blank(form.reason())) {
            throw new ValidationException("reason", "请填写作废原因");
        }
        String code = Codes.normalize(form.code())
                .orElseThrow(() -> new ValidationException("code", "回执码应为 16 位字母和数字"));
        jdbc.sql("SELECT accepting FROM survey_estate WHERE survey_id = :s AND estate_id = :e FOR SHARE")
                .param("s", id).param("e", estateId).query(Boolean.class).single();
        Household h = jdbc.sql("""
                SELECT household_id, estate_id, building, unit, room FROM survey_household
                WHERE survey_id = :s AND code_hash = :hash AND estate_id = :e""")
                .param("s", id).param("hash", Codes.hash(s.salt(), code)).param("e", estateId)
                .query((rs, i) -> new Household(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> new ValidationException("code", "回执码与本小区的住户不符"));
        if (!h.isNamedBy(form.building(), form.unit(), form.room())) {
            throw new ValidationException("room", "楼栋、房号与回执码不符");
        }
        int responses = jdbc.sql("DELETE FROM survey_response WHERE survey_id = :s AND void_key = :k")
                .param("s", id).param("k", Codes.voidKey(s.salt(), code)).update();
        int answered = jdbc.sql("DELETE FROM survey_answered WHERE survey_id = :s AND household_id = :h")
                .param("s", id).param("h", h.id()).update();
        if (responses == 0 || answered == 0) {
            throw new ValidationException("code", "该户尚未提交问卷，无需作废");
        }
        audit.record("VOID", "survey", id, "作废 " + e.name() + " " + h.label() + " 的答卷：" + form.reason().trim(),
                null, Map.of("estate", e.name(), "household", h.label(), "reason", form.reason().trim()));
        return h;
    }

    // ---------------------------------------------------------------- closing

    /** Who closed a survey whose end date had passed (the scheduled job, not a person). */
    public static final String SYSTEM = "system";

    /** Closes the survey: no response is accepted any more, and {@link SurveyClosed} carries the final results. */
    @Transactional
    public SurveyClosed close(KaopingPrincipal p, long id) {
        SurveyRecord s = require(p, id);
        if (!mayClose(p, s)) {
            throw new ForbiddenException("只有发起调查的单位或其上级可以结束调查");
        }
        return closeNow(id, p.username(), clock.instant())
                .orElseThrow(() -> new ConflictException("调查已结束"));
    }

    /**
     * Closes every open survey whose end date is before {@code now}'s day, each in its own transaction and exactly as
     * a manual close does (intake stops, {@link SurveyClosed} is published, the close is audited), by
     * {@link #SYSTEM}. Returns the surveys closed.
     */
    public List<SurveyClosed> closeEnded(ZonedDateTime now) {
        List<Long> due = jdbc.sql("SELECT id FROM survey WHERE status = 'OPEN' AND ends_on < :today ORDER BY id")
                .param("today", now.toLocalDate()).query(Long.class).list();
        List<SurveyClosed> closed = new ArrayList<>();
        for (long id : due) {
            try {
                tx.execute(status -> closeNow(id, SYSTEM, now.toInstant())).ifPresent(closed::add);
            } catch (RuntimeException e) {
                // one survey that cannot be closed must not keep the others open; the next run tries again
                log.error("满意度调查 {} 已到期，但自动结束失败", id, e);
            }
        }
        return closed;
    }

    /**
     * The one way a survey closes. Locks the survey row, so a manual and an automatic close (or two instances) cannot
     * both close it; empty when it was closed already.
     */
    private Optional<SurveyClosed> closeNow(long id, String by, Instant at) {
        SurveyRecord s = jdbc.sql("SELECT * FROM survey WHERE id = :id FOR UPDATE").param("id", id).query(SURVEY)
                .single();
        if ("CLOSED".equals(s.status())) {
            return Optional.empty();
        }
        // waits for submissions in flight (they hold FOR SHARE on these rows); later ones see accepting = false
        jdbc.sql("UPDATE survey_estate SET accepting = FALSE WHERE survey_id = :s").param("s", id).update();
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("UPDATE survey SET status = 'CLOSED', closed_by = :by, closed_at = :at WHERE id = :s")
                .param("by", by).param("at", Timestamp.from(now)).param("s", id).update();
        SurveyClosed closed = results(s, now);
        String counts = "（" + closed.estates().size() + " 个小区，"
                + closed.estates().stream().mapToInt(EstateSatisfaction::respondents).sum() + " 份有效答卷）";
        if (SYSTEM.equals(by)) {
            audit.recordAs(SYSTEM, "CLOSE", "survey", id, "满意度调查 " + s.title() + " 已过结束日期 " + s.endsOn()
                    + "，自动结束" + counts, null, null);
        } else {
            audit.record("CLOSE", "survey", id, "结束满意度调查 " + s.title() + counts, null, null);
        }
        events.publishEvent(closed);
        return Optional.of(closed);
    }

    SurveyClosed results(SurveyRecord s, Instant closedAt) {
        Questionnaire q = questionnaires.get(s.questionnaire());
        Map<Long, Tally> tallies = tallies(s.id(), q, "%");
        List<EstateSatisfaction> estates = new ArrayList<>();
        for (EstateInfo e : estates(s.id(), "%")) {
            estates.add(Scoring.evaluate(q, e.estateId(), e.name(), tallies.getOrDefault(e.estateId(),
                    Tally.empty(0))));
        }
        return new SurveyClosed(new SurveyId(s.id()), s.title(), q.code(), q.scheme(), s.roundId(), s.startsOn(),
                s.endsOn(), closedAt, List.copyOf(estates));
    }

    /** Results of any survey, for the module facade (no user scope). */
    @Transactional(readOnly = true)
    public Optional<SurveyClosed> results(long id) {
        return jdbc.sql("SELECT * FROM survey WHERE id = :id").param("id", id).query(SURVEY).optional()
                .map(s -> results(s, s.closedAt()));
    }

    @Transactional(readOnly = true)
    public List<Long> surveysOfRound(long roundId) {
        return jdbc.sql("SELECT id FROM survey WHERE round_id = :r ORDER BY id").param("r", roundId)
                .query(Long.class).list();
    }

    // ---------------------------------------------------------------- export

    /** One row per response: estate, area, channel and answers — never a household, person or time. */
    public record ExportRow(String estate, String district, String street, Channel channel,
                            Map<String, String> answers, BigDecimal score) {
    }

    @Transactional(readOnly = true)
    public List<ExportRow> exportRows(KaopingPrincipal p, long id) {
        SurveyRecord s = require(p, id);
        Questionnaire q = questionnaires.get(s.questionnaire());
        Map<Long, EstateInfo> estates = new LinkedHashMap<>();
        estates(id, scope(p)).forEach(e -> estates.put(e.estateId(), e));
        // ordered by estate and answers, not by arrival, so the order says nothing about who answered when
        return jdbc.sql("""
                SELECT r.estate_id, r.channel, r.answers::text AS answers, r.score FROM survey_response r
                JOIN survey_estate se ON se.survey_id = r.survey_id AND se.estate_id = r.estate_id
                WHERE r.survey_id = :s AND se.region_path LIKE :scope
                ORDER BY se.region_path, r.estate_id, r.answers::text, r.channel""")
                .param("s", id).param("scope", scope(p))
                .query((rs, i) -> {
                    EstateInfo e = estates.get(rs.getLong("estate_id"));
                    Map<String, String> answers = new LinkedHashMap<>();
                    Map<String, String> raw = Json.parseFlat(rs.getString("answers"));
                    for (Questionnaire.Question question : q.questions()) {
                        answers.put(question.code(), q.option(raw.get(question.code()))
                                .map(Questionnaire.Choice::label).orElse(""));
                    }
                    return new ExportRow(e == null ? "" : e.name(), e == null ? "" : nz(e.district()),
                            e == null ? "" : nz(e.street()), Channel.valueOf(rs.getString("channel")), answers,
                            rs.getBigDecimal("score").setScale(2, RoundingMode.HALF_UP));
                })
                .list();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public Questionnaire questionnaireOf(KaopingPrincipal p, long id) {
        return questionnaires.get(require(p, id).questionnaire());
    }
}
