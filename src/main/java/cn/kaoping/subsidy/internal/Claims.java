package cn.kaoping.subsidy.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.inspection.EstateResult;
import cn.kaoping.inspection.PublishedResults;
import cn.kaoping.inspection.PublishedRound;
import cn.kaoping.inspection.RoundId;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.EstateTerms;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.database.SqlArrays;
import cn.kaoping.platform.storage.ContentTypes;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.subsidy.internal.Forms.Correction;
import cn.kaoping.subsidy.internal.Forms.Payment;
import cn.kaoping.subsidy.internal.Forms.StepForm;
import cn.kaoping.subsidy.internal.Views.ClaimRow;
import cn.kaoping.subsidy.internal.Views.Line;
import cn.kaoping.subsidy.internal.Views.Status;
import cn.kaoping.subsidy.internal.Views.Step;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims from grade to payment: built from a published {@code erqi-old-estate} round (one per street office, a line
 * per old estate), corrected and submitted by the street, reviewed by the district office, approved by the district
 * government (not the reviewer), paid by finance to the street and by the street to each company. Every step is
 * kept with person, date, note and document, and audited. A claim outside the caller's scope answers 404.
 */
@Service
@Transactional
public class Claims {

    public static final String SCHEME = "erqi-old-estate";
    /** The largest rate the table holds (NUMERIC(6, 2)). */
    public static final BigDecimal MAX_RATE = new BigDecimal("9999.99");
    static final UploadPolicy DOCUMENTS = new UploadPolicy(
            Set.of(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.PNG), 20 * UploadPolicy.MB, "PDF、JPEG 或 PNG 文件");

    private static final String CLAIM_SELECT = """
            SELECT c.*, COALESCE(s.total, 0) AS total, COALESCE(s.lines, 0) AS lines,
                   COALESCE(s.flagged, 0) AS flagged, COALESCE(s.to_pay, 0) AS to_pay, COALESCE(s.paid, 0) AS paid
            FROM subsidy_claim c
            LEFT JOIN LATERAL (SELECT sum(l.amount) AS total, count(*) AS lines,
                                      count(*) FILTER (WHERE l.flag IS NOT NULL) AS flagged,
                                      count(*) FILTER (WHERE l.amount > 0) AS to_pay,
                                      count(*) FILTER (WHERE l.amount > 0 AND l.paid_on IS NOT NULL) AS paid
                               FROM subsidy_line l WHERE l.claim_id = c.id) s ON TRUE
            """;
    private static final RowMapper<ClaimRow> CLAIM = (rs, i) -> new ClaimRow(rs.getLong("id"), rs.getLong("round_id"),
            rs.getString("round_name"), rs.getString("period"), rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class), rs.getInt("year"), rs.getLong("district_id"),
            rs.getString("district_name"), rs.getLong("street_id"), rs.getString("street_name"),
            Status.valueOf(rs.getString("status")), (Long) rs.getObject("reviewed_by_id"),
            (Long) rs.getObject("approved_by_id"), rs.getBigDecimal("approved_total"),
            rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("paid_amount"), rs.getString("paid_voucher"),
            rs.getBigDecimal("total").setScale(2), rs.getInt("lines"), rs.getInt("flagged"), rs.getInt("to_pay"),
            rs.getInt("paid"));
    private static final RowMapper<Line> LINE = (rs, i) -> new Line(rs.getLong("id"), rs.getLong("claim_id"),
            rs.getLong("estate_id"), rs.getString("estate_name"), (Long) rs.getObject("company_id"),
            rs.getString("company_name"), rs.getBigDecimal("total"), rs.getString("grade"),
            rs.getBigDecimal("registry_area"), rs.getBigDecimal("area"),
            rs.getObject("registry_entry", LocalDate.class), rs.getObject("entry_date", LocalDate.class),
            rs.getString("correction_reason"), rs.getString("corrected_by"), rs.getBigDecimal("rate"),
            months(rs.getArray("months")), rs.getBigDecimal("exact"), rs.getBigDecimal("amount"),
            rs.getString("flag"), rs.getObject("paid_on", LocalDate.class), rs.getBigDecimal("paid_amount"),
            rs.getString("paid_voucher"), rs.getString("paid_note"), rs.getString("paid_by"),
            rs.getObject("paid_document", UUID.class));
    private static final RowMapper<Step> STEP = (rs, i) -> new Step(rs.getLong("id"), (Long) rs.getObject("line_id"),
            rs.getString("action"), rs.getString("actor"), rs.getObject("occurred_on", LocalDate.class),
            rs.getObject("at", OffsetDateTime.class), rs.getString("note"), rs.getObject("document_id", UUID.class));

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final PublishedResults published;
    private final AuditLog audit;
    private final FileStore files;
    private final Clock clock;

    Claims(JdbcClient jdbc, OrganisationDirectory directory, PublishedResults published, AuditLog audit,
           FileStore files, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.published = published;
        this.audit = audit;
        this.files = files;
        this.clock = clock;
    }

    private static List<YearMonth> months(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(d -> YearMonth.from(((Date) d).toLocalDate())).toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- building claims from a published round

    /**
     * Builds (or, while still a draft, refreshes) the claims of a published round: one per street office with a
     * line per old estate of that street. Rounds of other schemes or other than half-years are ignored.
     *
     * @return the ids of the claims built or refreshed
     */
    public List<Long> fromRound(RoundId roundId, String actor) {
        return published.latest(roundId).map(round -> fromRound(round, actor)).orElse(List.of());
    }

    /**
     * Builds (or refreshes) the claims of the given published results; the demo data hands synthetic results in here
     * (a negative round id) as the ranking demo does, since rounds are the inspection module's to create.
     */
    public List<Long> fromRound(PublishedRound round, String actor) {
        RoundId roundId = round.round();
        if (!SCHEME.equals(round.schemeCode()) || !round.period().code().matches("\\d{4}-H[12]")) {
            return List.of();
        }
        List<EstateResult> results = round.results();
        Map<Long, EstatePlacement> places = directory.placements(results.stream().map(EstateResult::estateId)
                .toList()).stream().collect(Collectors.toMap(EstatePlacement::id, Function.identity()));
        Map<Long, EstateTerms> terms = directory.estateTerms(places.keySet()).stream()
                .collect(Collectors.toMap(EstateTerms::estateId, Function.identity()));
        Map<Long, List<EstateResult>> byStreet = new LinkedHashMap<>();
        for (EstateResult r : results) {
            EstatePlacement place = places.get(r.estateId());
            if (place != null && place.oldEstate()) {
                byStreet.computeIfAbsent(place.streetId(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, List<EstateResult>> e : byStreet.entrySet()) {
            RegionRef street = directory.region(e.getKey()).orElseThrow();
            RegionRef district = directory.region(street.parentId()).orElseThrow();
            int year = round.period().start().getYear();
            Long existing = jdbc.sql("SELECT id FROM subsidy_claim WHERE round_id = :r AND street_id = :s FOR UPDATE")
                    .param("r", roundId.value()).param("s", street.id()).query(Long.class).optional().orElse(null);
            long claim;
            if (existing == null) {
                claim = jdbc.sql("""
                        INSERT INTO subsidy_claim (round_id, round_revision, round_name, period, period_start,
                            period_end, year, district_id, district_name, street_id, street_name, street_path)
                        VALUES (:round, :rev, :name, :period, :start, :end, :year, :district, :districtName,
                                :street, :streetName, :path) RETURNING id""")
                        .param("round", roundId.value()).param("rev", round.revision()).param("name", round.name())
                        .param("period", round.period().code()).param("start", round.period().start())
                        .param("end", round.period().end()).param("year", year).param("district", district.id())
                        .param("districtName", district.name()).param("street", street.id())
                        .param("streetName", street.name()).param("path", street.path())
                        .query(Long.class).single();
            } else {
                String status = jdbc.sql("SELECT status FROM subsidy_claim WHERE id = :id").param("id", existing)
                        .query(String.class).single();
                if (!"DRAFT".equals(status)) {
                    continue; // a correction after submission does not move a claim under review or approved
                }
                claim = existing;
                jdbc.sql("UPDATE subsidy_claim SET round_revision = :rev, round_name = :name WHERE id = :id")
                        .param("rev", round.revision()).param("name", round.name()).param("id", claim).update();
            }
            Map<String, BigDecimal> rates = rates(district.id(), year);
            for (EstateResult r : e.getValue()) {
                EstatePlacement place = places.get(r.estateId());
                EstateTerms t = terms.get(r.estateId());
                BigDecimal area = t == null ? null : t.floorArea();
                LocalDate entry = t == null ? null : t.contractStart();
                jdbc.sql("""
                        INSERT INTO subsidy_line (claim_id, estate_id, estate_name, company_id, company_name, total,
                            grade, registry_area, area, registry_entry, entry_date, months, flag)
                        VALUES (:claim, :estate, :name, :company, :companyName, :total, :grade, :area, :area,
                                :entry, :entry, '{}', 'NO_GRADE')
                        ON CONFLICT (claim_id, estate_id) DO UPDATE SET total = EXCLUDED.total,
                            grade = EXCLUDED.grade, estate_name = EXCLUDED.estate_name""")
                        .param("claim", claim).param("estate", r.estateId()).param("name", r.estateName())
                        .param("company", r.companyId() != null ? r.companyId() : place.companyId())
                        .param("companyName", r.companyId() == null || r.companyId().equals(place.companyId())
                                ? place.companyName() : directory.companyName(r.companyId()).orElse(null))
                        .param("total", r.total())
                        .param("grade", r.grade()).param("area", area).param("entry", entry).update();
            }
            recompute(claim, rates);
            audit.recordAs(actor, existing == null ? "SUBSIDY_CLAIM_CREATE" : "SUBSIDY_CLAIM_REFRESH",
                    "subsidy_claim", claim, street.name() + " " + round.period().code() + " 补贴申报（" + round.name()
                            + " 第" + round.revision() + "版）", null, Map.of("round", roundId.value(),
                            "revision", round.revision(), "estates", e.getValue().size()));
            ids.add(claim);
        }
        return ids;
    }

    /** A district admin (re)builds the claims of a published round, e.g. one published before this module existed. */
    public List<Long> fromRound(KaopingPrincipal p, long roundId) {
        require(p, Role.DISTRICT_ADMIN, "只有区房产主管部门（指挥部办公室）可以从考核轮次生成补贴申报");
        PublishedRound round = published.latest(new RoundId(roundId))
                .orElseThrow(() -> new NotFoundException("考核轮次不存在或尚未公布"));
        if (!SCHEME.equals(round.schemeCode())) {
            throw new ConflictException("只有二七区老旧小区考核（erqi-old-estate）的半年考核才计算补贴");
        }
        boolean inScope = round.results().stream().map(r -> directory.region(r.streetId()))
                .flatMap(java.util.Optional::stream).anyMatch(s -> p.covers(s.path()));
        if (!inScope) {
            throw new NotFoundException("考核轮次不存在或尚未公布");
        }
        return fromRound(new RoundId(roundId), p.username());
    }

    /** Recomputes every line of a draft claim with the rates given. */
    private void recompute(long claim, Map<String, BigDecimal> rates) {
        ClaimRow c = row(claim);
        for (Line l : lines(claim)) {
            store(l.id(), compute(l, c, rates));
        }
    }

    private static SubsidyRule.Result compute(Line l, ClaimRow c, Map<String, BigDecimal> rates) {
        SubsidyRule.Result r = SubsidyRule.compute(l.grade(), SubsidyRule.rateOf(l.grade(), rates), l.area(),
                l.entryDate(), c.periodStart(), c.periodEnd());
        return l.companyId() == null ? SubsidyRule.withoutCompany(r) : r;
    }

    private void store(long line, SubsidyRule.Result r) {
        jdbc.sql("""
                UPDATE subsidy_line SET rate = :rate, months = CAST(:months AS date[]), exact = :exact,
                    amount = :amount, flag = :flag WHERE id = :id""")
                .param("rate", r.rate()).param("months", SqlArrays.texts(r.months().stream().map(m -> m.atDay(1).toString())
                        .toList()))
                .param("exact", r.exact()).param("amount", r.amount())
                .param("flag", r.flag() == null ? null : r.flag().name()).param("id", line).update();
    }

    // ---------------------------------------------------------------- rates

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
        require(p, Role.DISTRICT_ADMIN, "只有区房产主管部门可以设置补贴标准");
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
        for (Long claim : jdbc.sql("SELECT id FROM subsidy_claim WHERE district_id = :d AND year = :y AND status = 'DRAFT'")
                .param("d", district.id()).param("y", year).query(Long.class).list()) {
            recompute(claim, after);
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

    // ---------------------------------------------------------------- reading

    public List<ClaimRow> claims(KaopingPrincipal p, Integer year) {
        if (!p.role().isRegional()) {
            return List.of();
        }
        return jdbc.sql(CLAIM_SELECT + """
                WHERE c.street_path LIKE :path AND (CAST(:year AS int) IS NULL OR c.year = CAST(:year AS int))
                ORDER BY c.period_end DESC, c.street_name, c.id""")
                .param("path", p.regionPath() + "%").param("year", year).query(CLAIM).list();
    }

    public Views.Claim claim(KaopingPrincipal p, long id) {
        ClaimRow c = visible(p, id);
        return new Views.Claim(c, lines(id), steps(id, null));
    }

    public Views.LineAudit line(KaopingPrincipal p, long lineId) {
        Line l = jdbc.sql("SELECT * FROM subsidy_line WHERE id = :id").param("id", lineId).query(LINE).optional()
                .orElseThrow(() -> new NotFoundException("补贴明细不存在"));
        ClaimRow c = visibleOrMissing(p, l.claimId(), "补贴明细不存在");
        return new Views.LineAudit(c, l, steps(c.id(), lineId));
    }

    private ClaimRow row(long id) {
        return jdbc.sql(CLAIM_SELECT + " WHERE c.id = :id").param("id", id).query(CLAIM).optional()
                .orElseThrow(() -> new NotFoundException("补贴申报不存在"));
    }

    private ClaimRow visible(KaopingPrincipal p, long id) {
        return visibleOrMissing(p, id, "补贴申报不存在");
    }

    private ClaimRow visibleOrMissing(KaopingPrincipal p, long id, String missing) {
        String path = jdbc.sql("SELECT street_path FROM subsidy_claim WHERE id = :id").param("id", id)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException(missing));
        if (!p.covers(path)) {
            throw new NotFoundException(missing);
        }
        return row(id);
    }

    /** Locks the claim row for a transition and returns it, after checking scope. */
    private ClaimRow lock(KaopingPrincipal p, long id) {
        ClaimRow c = visible(p, id);
        jdbc.sql("SELECT id FROM subsidy_claim WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
        return row(c.id());
    }

    public List<Line> lines(long claim) {
        return jdbc.sql("SELECT * FROM subsidy_line WHERE claim_id = :c ORDER BY estate_name, id").param("c", claim)
                .query(LINE).list();
    }

    private List<Step> steps(long claim, Long line) {
        return jdbc.sql("""
                SELECT * FROM subsidy_step WHERE claim_id = :c
                  AND (CAST(:line AS bigint) IS NULL OR line_id IS NULL OR line_id = CAST(:line AS bigint))
                ORDER BY at, id""")
                .param("c", claim).param("line", line).query(STEP).list();
    }

    // ---------------------------------------------------------------- what a user may do

    /** The actions the caller may take on the claim now, for the screens. */
    public Set<String> actions(KaopingPrincipal p, ClaimRow c) {
        Set<String> a = new java.util.LinkedHashSet<>();
        switch (c.status()) {
            case DRAFT -> {
                if (p.role() == Role.STREET_OFFICER) {
                    a.add("correct");
                    a.add("submit");
                }
            }
            case SUBMITTED -> {
                if (p.role() == Role.DISTRICT_ADMIN) {
                    a.add("review");
                    a.add("return");
                }
            }
            case REVIEWED -> {
                if (p.role() == Role.DISTRICT_ADMIN && !Long.valueOf(p.userId()).equals(c.reviewedById())) {
                    a.add("approve");
                }
            }
            case APPROVED -> {
                if (p.role() == Role.DISTRICT_DEPT) {
                    a.add("payStreet");
                }
            }
            case PAID_TO_STREET -> {
                if (p.role() == Role.STREET_OFFICER) {
                    a.add("payCompany");
                }
            }
            case CLOSED -> {
            }
        }
        return a;
    }

    // ---------------------------------------------------------------- the workflow

    /** The street corrects the area or entry date of a line while the claim is a draft; the reason is kept. */
    public Line correct(KaopingPrincipal p, long lineId, Correction form) {
        Line before = jdbc.sql("SELECT * FROM subsidy_line WHERE id = :id").param("id", lineId).query(LINE).optional()
                .orElseThrow(() -> new NotFoundException("补贴明细不存在"));
        ClaimRow c = visibleOrMissing(p, before.claimId(), "补贴明细不存在");
        require(p, Role.STREET_OFFICER, "只有街道办事处可以修改申报的面积和进驻日期");
        c = lock(p, c.id());
        if (c.status().locked()) {
            throw new ConflictException("补贴已经审批，金额已锁定，不能再修改");
        }
        if (c.status() != Status.DRAFT) {
            throw new ConflictException("申报已提交，只有退回街道后才能修改");
        }
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        if (form.area() == null || form.area().signum() < 0 || form.area().stripTrailingZeros().scale() > 2) {
            problems.add(new ValidationException.FieldProblem("area", "请填写合同约定的建筑面积（㎡），不小于 0，最多两位小数"));
        }
        if (form.entryDate() != null && form.entryDate().isAfter(c.periodEnd())) {
            problems.add(new ValidationException.FieldProblem("entryDate", "进驻日期晚于考核半年的最后一天，本期没有可补贴的月份"));
        }
        if (form.reason() == null || form.reason().isBlank()) {
            problems.add(new ValidationException.FieldProblem("reason", "请说明修改原因（如合同面积、进驻通知书）"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        jdbc.sql("""
                UPDATE subsidy_line SET area = :area, entry_date = :entry, correction_reason = :reason,
                    corrected_by = :by WHERE id = :id""")
                .param("area", form.area().setScale(2)).param("entry", form.entryDate())
                .param("reason", form.reason().strip()).param("by", p.displayName()).param("id", lineId).update();
        Line changed = jdbc.sql("SELECT * FROM subsidy_line WHERE id = :id").param("id", lineId).query(LINE).single();
        store(lineId, compute(changed, c, rates(c.districtId(), c.year())));
        Line after = jdbc.sql("SELECT * FROM subsidy_line WHERE id = :id").param("id", lineId).query(LINE).single();
        step(p, c.id(), lineId, "CORRECT", form.reason().strip(), null);
        audit.record("SUBSIDY_LINE_CORRECT", "subsidy_line", lineId, before.estateName() + " 面积/进驻日期更正："
                + form.reason().strip(), snapshot(before), snapshot(after));
        return after;
    }

    public ClaimRow submit(KaopingPrincipal p, long id, StepForm form) {
        return move(p, id, Role.STREET_OFFICER, "只有街道办事处可以提交补贴申报", Status.DRAFT, "只有草稿可以提交",
                Status.SUBMITTED, "SUBMIT", form, false);
    }

    public ClaimRow review(KaopingPrincipal p, long id, StepForm form) {
        return move(p, id, Role.DISTRICT_ADMIN, "只有区指挥部办公室（区房产主管部门）可以审核补贴申报", Status.SUBMITTED,
                "只有已提交的申报可以审核", Status.REVIEWED, "REVIEW", form, false);
    }

    public ClaimRow returnToStreet(KaopingPrincipal p, long id, StepForm form) {
        return move(p, id, Role.DISTRICT_ADMIN, "只有区指挥部办公室（区房产主管部门）可以退回补贴申报", Status.SUBMITTED,
                "只有已提交、尚未审核的申报可以退回", Status.DRAFT, "RETURN", form, true);
    }

    public ClaimRow approve(KaopingPrincipal p, long id, StepForm form) {
        return move(p, id, Role.DISTRICT_ADMIN, "只有区政府（区房产主管部门审批人）可以审批补贴", Status.REVIEWED,
                "只有已审核的申报可以审批", Status.APPROVED, "APPROVE", form, false);
    }

    private ClaimRow move(KaopingPrincipal p, long id, Role role, String wrongRole, Status from, String wrongOrder,
                          Status to, String action, StepForm form, boolean noteRequired) {
        visible(p, id);
        require(p, role, wrongRole);
        ClaimRow c = lock(p, id);
        if (c.status() != from) {
            throw new ConflictException(wrongOrder + "（当前状态：" + label(c.status()) + "）");
        }
        String note = form == null || form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (noteRequired && note == null) {
            throw new ValidationException("note", "请写明退回原因");
        }
        UUID doc = form == null ? null : document(form.document());
        if (to == Status.APPROVED && Long.valueOf(p.userId()).equals(c.reviewedById())) {
            throw new ForbiddenException("审核人不能再审批同一份申报（四眼原则）：请由另一位区级负责人审批");
        }
        switch (to) {
            case REVIEWED -> jdbc.sql("UPDATE subsidy_claim SET status = 'REVIEWED', reviewed_by_id = :u, "
                    + "version = version + 1 WHERE id = :id").param("u", p.userId()).param("id", id).update();
            case APPROVED -> jdbc.sql("UPDATE subsidy_claim SET status = 'APPROVED', approved_by_id = :u, "
                    + "approved_total = :t, version = version + 1 WHERE id = :id")
                    .param("u", p.userId()).param("t", c.total()).param("id", id).update();
            case DRAFT -> jdbc.sql("UPDATE subsidy_claim SET status = 'DRAFT', reviewed_by_id = NULL, "
                    + "version = version + 1 WHERE id = :id").param("id", id).update();
            default -> jdbc.sql("UPDATE subsidy_claim SET status = :s, version = version + 1 WHERE id = :id")
                    .param("s", to.name()).param("id", id).update();
        }
        step(p, id, null, action, note, doc);
        ClaimRow after = row(id);
        audit.record("SUBSIDY_" + action, "subsidy_claim", id, c.streetName() + " " + c.period() + " 补贴申报："
                + label(c.status()) + " → " + label(to) + (note == null ? "" : "（" + note + "）"),
                Map.of("status", c.status().name(), "total", c.total()),
                Map.of("status", to.name(), "total", after.total()));
        return after;
    }

    /** Finance records the payment to the street; an amount other than the approved total needs a note. */
    public ClaimRow payStreet(KaopingPrincipal p, long id, Payment form) {
        visible(p, id);
        require(p, Role.DISTRICT_DEPT, "只有区财政部门可以登记拨付到街道");
        ClaimRow c = lock(p, id);
        if (c.status() != Status.APPROVED) {
            throw new ConflictException("只有已审批、尚未拨付的申报可以登记拨付（当前状态：" + label(c.status()) + "）");
        }
        String note = payment(form, c.approvedTotal(), "审批金额");
        UUID doc = document(form.document());
        jdbc.sql("""
                UPDATE subsidy_claim SET status = 'PAID_TO_STREET', paid_on = :on, paid_amount = :amount,
                    paid_voucher = :voucher, version = version + 1 WHERE id = :id""")
                .param("on", form.paidOn()).param("amount", form.amount()).param("voucher", form.voucher().strip())
                .param("id", id).update();
        step(p, id, null, "PAY_STREET", note, doc, form.paidOn());
        audit.record("SUBSIDY_PAY_STREET", "subsidy_claim", id, c.streetName() + " " + c.period() + " 补贴拨付到街道 "
                + form.amount() + " 元（凭证 " + form.voucher().strip() + "）", Map.of("status", c.status().name()),
                Map.of("status", "PAID_TO_STREET", "amount", form.amount(), "voucher", form.voucher().strip()));
        closeIfDone(p, id);
        return row(id);
    }

    /** The street records the payment of one line to its company; the claim closes when every line is paid. */
    public Line payCompany(KaopingPrincipal p, long lineId, Payment form) {
        Line l = jdbc.sql("SELECT * FROM subsidy_line WHERE id = :id").param("id", lineId).query(LINE).optional()
                .orElseThrow(() -> new NotFoundException("补贴明细不存在"));
        visibleOrMissing(p, l.claimId(), "补贴明细不存在");
        require(p, Role.STREET_OFFICER, "只有街道办事处可以登记拨付到企业");
        ClaimRow c = lock(p, l.claimId());
        if (c.status() != Status.PAID_TO_STREET) {
            throw new ConflictException("区财政拨付到街道之后才能登记拨付到企业（当前状态：" + label(c.status()) + "）");
        }
        if (!l.toPay()) {
            throw new ConflictException("这一行没有可拨付的补贴金额");
        }
        if (l.paid()) {
            throw new ConflictException("这一行已于 " + l.paidOn() + " 拨付，不能重复登记");
        }
        String note = payment(form, l.amount(), "核定金额");
        UUID doc = document(form.document());
        jdbc.sql("""
                UPDATE subsidy_line SET paid_on = :on, paid_amount = :amount, paid_voucher = :voucher,
                    paid_note = :note, paid_by = :by, paid_document = :doc WHERE id = :id""")
                .param("on", form.paidOn()).param("amount", form.amount()).param("voucher", form.voucher().strip())
                .param("note", note).param("by", p.displayName()).param("doc", doc).param("id", lineId).update();
        step(p, c.id(), lineId, "PAY_COMPANY", note, doc, form.paidOn());
        audit.record("SUBSIDY_PAY_COMPANY", "subsidy_line", lineId, l.estateName() + " 补贴拨付到 "
                + l.companyName() + " " + form.amount() + " 元（凭证 " + form.voucher().strip() + "）", null,
                Map.of("amount", form.amount(), "voucher", form.voucher().strip(), "paidOn", form.paidOn().toString()));
        closeIfDone(p, c.id());
        return jdbc.sql("SELECT * FROM subsidy_line WHERE id = :id").param("id", lineId).query(LINE).single();
    }

    private void closeIfDone(KaopingPrincipal p, long id) {
        ClaimRow c = row(id);
        if (c.status() == Status.PAID_TO_STREET && c.paid() == c.toPay()) {
            jdbc.sql("UPDATE subsidy_claim SET status = 'CLOSED', version = version + 1 WHERE id = :id")
                    .param("id", id).update();
            step(p, id, null, "CLOSE", null, null);
            audit.record("SUBSIDY_CLOSE", "subsidy_claim", id, c.streetName() + " " + c.period()
                    + " 补贴已全部拨付到企业，申报办结", Map.of("status", c.status().name()), Map.of("status", "CLOSED"));
        }
    }

    private static String payment(Payment form, BigDecimal expected, String what) {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        if (form == null || form.paidOn() == null) {
            problems.add(new ValidationException.FieldProblem("paidOn", "请填写拨付日期"));
        }
        if (form == null || form.amount() == null || form.amount().signum() < 0
                || form.amount().stripTrailingZeros().scale() > 2) {
            problems.add(new ValidationException.FieldProblem("amount", "请填写拨付金额（元，最多两位小数）"));
        }
        if (form == null || form.voucher() == null || form.voucher().isBlank()) {
            problems.add(new ValidationException.FieldProblem("voucher", "请填写凭证号"));
        }
        String note = form == null || form.note() == null || form.note().isBlank() ? null : form.note().strip();
        if (problems.isEmpty() && form.amount().compareTo(expected) != 0 && note == null) {
            problems.add(new ValidationException.FieldProblem("note", "拨付金额 " + form.amount() + " 元与" + what + " "
                    + expected + " 元不一致，请说明原因"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return note;
    }

    // ---------------------------------------------------------------- documents

    /** Stores a document for a step (PDF or picture) and returns its id. */
    public StoredFile upload(KaopingPrincipal p, long claim, byte[] content, String name) {
        visible(p, claim);
        return files.store(content, name, p.username(), DOCUMENTS);
    }

    public byte[] documentContent(KaopingPrincipal p, long claim, UUID document) {
        visible(p, claim);
        boolean belongs = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM subsidy_step WHERE claim_id = :c AND document_id = :d)""")
                .param("c", claim).param("d", document).query(Boolean.class).single();
        if (!belongs) {
            throw new NotFoundException("文件不存在");
        }
        return files.content(document).orElseThrow(() -> new NotFoundException("文件不存在"));
    }

    public java.util.Optional<StoredFile> documentInfo(UUID document) {
        return files.find(document);
    }

    private UUID document(UUID id) {
        if (id != null && files.find(id).isEmpty()) {
            throw new ValidationException("document", "附件不存在，请重新上传");
        }
        return id;
    }

    // ---------------------------------------------------------------- helpers

    private void step(KaopingPrincipal p, long claim, Long line, String action, String note, UUID document) {
        step(p, claim, line, action, note, document, today());
    }

    private void step(KaopingPrincipal p, long claim, Long line, String action, String note, UUID document,
                      LocalDate on) {
        jdbc.sql("""
                INSERT INTO subsidy_step (claim_id, line_id, action, actor_id, actor, occurred_on, at, note, document_id)
                VALUES (:c, :l, :a, :uid, :actor, :on, :at, :note, :doc)""")
                .param("c", claim).param("l", line).param("a", action).param("uid", p.userId())
                .param("actor", p.displayName()).param("on", on).param("at", OffsetDateTime.now(clock))
                .param("note", note).param("doc", document).update();
    }

    private static void require(KaopingPrincipal p, Role role, String message) {
        if (p.role() != role) {
            throw new ForbiddenException(message);
        }
    }

    static String label(Status s) {
        return switch (s) {
            case DRAFT -> "街道编制中";
            case SUBMITTED -> "已提交，待指挥部办公室审核";
            case REVIEWED -> "已审核，待区政府审批";
            case APPROVED -> "已审批，待财政拨付";
            case PAID_TO_STREET -> "已拨付到街道，待拨付到企业";
            case CLOSED -> "已办结";
        };
    }

    private static Map<String, Object> snapshot(Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("area", l.area());
        m.put("entryDate", l.entryDate() == null ? null : l.entryDate().toString());
        m.put("months", l.months().size());
        m.put("amount", l.amount());
        m.put("flag", l.flag());
        return m;
    }
}
