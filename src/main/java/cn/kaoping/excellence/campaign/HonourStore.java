package cn.kaoping.excellence.campaign;

import cn.kaoping.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Honours, campaigns, entries and what each stage records (tables honour, honour_*). */
@Repository
public class HonourStore {

    private final JdbcClient jdbc;

    HonourStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A title an estate won; re-examined by each campaign it falls into until revoked. */
    public record Honour(long id, long estateId, String estateName, String regionPath, String title, String level,
                         int yearWon, Long companyId, String companyName, HonourStatus status, Integer statusYear,
                         String statusReason, String document) {

        /** The published result of a re-examination: retained, or revoked with the reason, under the document. */
        Honour decided(boolean keep, int year, String reason, String documentNo) {
            return new Honour(id, estateId, estateName, regionPath, title, level, yearWon, companyId, companyName,
                    keep ? HonourStatus.RETAINED : HonourStatus.REVOKED, year, reason, documentNo);
        }

        public boolean revoked() {
            return status == HonourStatus.REVOKED;
        }
    }

    /**
     * A year's 复评 of a region: open for the entries' steps, then its results on public notice from a day
     * (公示, objections taken), then published under a document number. Each step is taken once, in turn.
     */
    public record Campaign(long id, long regionId, String regionPath, int year, String title, String schemeCode,
                           int schemeVersion, List<Integer> awardYears, LocalDate confirmBy, LocalDate noticeBy,
                           LocalDate applyBy, LocalDate reviewFrom, LocalDate reviewTo, LocalDate gongshiBy,
                           LocalDate publishBy, int objectionDays, boolean trimmedMean, CampaignStatus status,
                           LocalDate gongshiFrom, String documentNo, OffsetDateTime publishedAt) {

        /** The results go on public notice from that day. */
        Campaign startGongshi(LocalDate from) {
            requireIn(CampaignStatus.OPEN);
            return with(CampaignStatus.GONGSHI, from, documentNo, publishedAt);
        }

        /** The results are published under the document number. */
        Campaign publish(String number, OffsetDateTime at) {
            requireIn(CampaignStatus.GONGSHI);
            return with(CampaignStatus.PUBLISHED, gongshiFrom, number, at);
        }

        /** Refuses a step of another stage. */
        void requireIn(CampaignStatus stage) {
            if (status != stage) {
                throw new ConflictException("复评工作当前不在该阶段");
            }
        }

        public boolean open() {
            return status == CampaignStatus.OPEN;
        }

        public boolean published() {
            return status == CampaignStatus.PUBLISHED;
        }

        private Campaign with(CampaignStatus next, LocalDate from, String number, OffsetDateTime at) {
            return new Campaign(id, regionId, regionPath, year, title, schemeCode, schemeVersion, awardYears,
                    confirmBy, noticeBy, applyBy, reviewFrom, reviewTo, gongshiBy, publishBy, objectionDays,
                    trimmedMean, next, from, number, at);
        }
    }

    public record Entry(long id, long campaignId, Honour honour, String estatePath, Long companyId,
                        String earlyReason, OffsetDateTime confirmedAt, String companyDecision, String application,
                        OffsetDateTime appliedAt, String committeeDecision, Integer satisfied,
                        Integer basicallySatisfied, Integer owners, LocalDate satisfactionPosted,
                        BigDecimal communityScore, String communityComment, String vetoCode, String vetoReason,
                        String proposed, String evaluation) {
    }

    public record Publicity(String place, UUID photo, LocalDate postedOn, LocalDate endsOn, String opinions) {
    }

    public record PanelSeat(String expert, BigDecimal score, String comment, UUID photo, OffsetDateTime scoredAt) {
    }

    public record Objection(long id, long entryId, String content, String raisedBy, OffsetDateTime recordedAt,
                            String decision, String answer) {
    }

    // honours

    long insertHonour(long estateId, String estateName, String path, String title, String level, int yearWon,
                      Long companyId, String companyName) {
        return jdbc.sql("""
                INSERT INTO honour (estate_id, estate_name, region_path, title, level, year_won, company_id,
                                    company_name, status)
                VALUES (:e, :n, :p, :t, :l, :y, :c, :cn, :status)
                ON CONFLICT (estate_id, title, year_won) DO NOTHING RETURNING id""")
                .param("e", estateId).param("n", estateName).param("p", path).param("t", title).param("l", level)
                .param("y", yearWon).param("c", companyId).param("cn", companyName)
                .param("status", HonourStatus.HELD.name()).query(Long.class).optional().orElse(-1L);
    }

    public boolean honourExists(long estateId, String title, int yearWon) {
        return jdbc.sql("SELECT count(*) FROM honour WHERE estate_id = :e AND title = :t AND year_won = :y")
                .param("e", estateId).param("t", title).param("y", yearWon).query(Long.class).single() > 0;
    }

    public List<Honour> honoursOf(long estateId) {
        return jdbc.sql("SELECT * FROM honour WHERE estate_id = :e ORDER BY year_won DESC").param("e", estateId)
                .query(HonourStore::honour).list();
    }

    public List<Entry> entriesOfEstate(long estateId) {
        return jdbc.sql(ENTRY + " WHERE x.estate_id = :e ORDER BY x.id").param("e", estateId)
                .query(HonourStore::entry).list();
    }

    public List<Honour> honoursUnder(String path) {
        return jdbc.sql("SELECT * FROM honour WHERE region_path LIKE :p || '%' ORDER BY year_won DESC, estate_name")
                .param("p", path).query(HonourStore::honour).list();
    }

    /** Keeps what became of a title. */
    void save(Honour h) {
        jdbc.sql("""
                UPDATE honour SET status = :s, status_year = :y, status_reason = :r, document = :d WHERE id = :id""")
                .param("s", h.status().name()).param("y", h.statusYear()).param("r", h.statusReason())
                .param("d", h.document()).param("id", h.id()).update();
    }

    // campaigns

    long insertCampaign(long regionId, String path, int year, String title, String scheme, int version,
                        List<Integer> awardYears, LocalDate[] stages, int objectionDays, boolean trimmed, String by,
                        OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO honour_campaign (region_id, region_path, year, title, scheme_code, scheme_version,
                    award_years, confirm_by, notice_by, apply_by, review_from, review_to, gongshi_by, publish_by,
                    objection_days, trimmed_mean, status, created_by, created_at)
                VALUES (:r, :p, :y, :t, :s, :v, CAST(:awards AS int[]), :s1, :s2, :s3, :s4, :s5, :s6, :s7, :days,
                        :trim, :status, :by, :at)
                ON CONFLICT (region_id, year) DO NOTHING RETURNING id""")
                .param("r", regionId).param("p", path).param("y", year).param("t", title).param("s", scheme)
                .param("v", version).param("awards", awardYears.toArray(Integer[]::new))
                .param("s1", stages[0]).param("s2", stages[1]).param("s3", stages[2]).param("s4", stages[3])
                .param("s5", stages[4]).param("s6", stages[5]).param("s7", stages[6]).param("days", objectionDays)
                .param("trim", trimmed).param("status", CampaignStatus.OPEN.name()).param("by", by).param("at", at)
                .query(Long.class).optional().orElse(-1L);
    }

    public Optional<Campaign> campaign(long id) {
        return jdbc.sql("SELECT * FROM honour_campaign WHERE id = :id").param("id", id)
                .query(HonourStore::campaign).optional();
    }

    public List<Campaign> campaigns() {
        return jdbc.sql("SELECT * FROM honour_campaign ORDER BY year DESC, id DESC").query(HonourStore::campaign)
                .list();
    }

    /** Keeps a campaign's stage with the day its notice began, its document number and when it was published. */
    void save(Campaign c) {
        jdbc.sql("""
                UPDATE honour_campaign SET status = :s, gongshi_from = COALESCE(:g, gongshi_from),
                       document_no = COALESCE(:d, document_no), published_at = COALESCE(:at, published_at)
                WHERE id = :id""")
                .param("s", c.status().name()).param("g", c.gongshiFrom()).param("d", c.documentNo())
                .param("at", c.publishedAt()).param("id", c.id()).update();
    }

    // entries

    long insertEntry(long campaignId, Honour h, String estatePath, Long companyId, String earlyReason, UUID report) {
        return jdbc.sql("""
                INSERT INTO honour_entry (campaign_id, honour_id, estate_id, estate_path, company_id, early_reason,
                                          early_report)
                VALUES (:c, :h, :e, :p, :co, :r, :rep) ON CONFLICT DO NOTHING RETURNING id""")
                .param("c", campaignId).param("h", h.id()).param("e", h.estateId()).param("p", estatePath)
                .param("co", companyId).param("r", earlyReason).param("rep", report)
                .query(Long.class).optional().orElse(-1L);
    }

    private static final String ENTRY = """
            SELECT x.*, h.id AS h_id, h.estate_id AS h_estate_id, h.estate_name, h.region_path, h.title, h.level,
                   h.year_won, h.company_id AS h_company_id, h.company_name, h.status, h.status_year,
                   h.status_reason, h.document
            FROM honour_entry x JOIN honour h ON h.id = x.honour_id""";

    public Optional<Entry> entry(long id) {
        return jdbc.sql(ENTRY + " WHERE x.id = :id").param("id", id).query(HonourStore::entry).optional();
    }

    public List<Entry> entries(long campaignId) {
        return jdbc.sql(ENTRY + " WHERE x.campaign_id = :c ORDER BY x.estate_path, h.estate_name")
                .param("c", campaignId).query(HonourStore::entry).list();
    }

    void lockEntry(long id) {
        jdbc.sql("SELECT id FROM honour_entry WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
    }

    /** Sets one stage's columns of an entry; {@code set} is a fixed SQL fragment written by this module. */
    void update(long id, String set, java.util.Map<String, ?> params) {
        var spec = jdbc.sql("UPDATE honour_entry SET " + set + " WHERE id = :id").param("id", id);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    // publicity, panel, conflicts, objections

    void insertPublicity(long entryId, String place, UUID photo, LocalDate posted, LocalDate ends, String opinions) {
        jdbc.sql("""
                INSERT INTO honour_publicity (entry_id, place, photo, posted_on, ends_on, opinions)
                VALUES (:e, :p, :f, :from, :to, :o)
                ON CONFLICT (entry_id, place) DO UPDATE SET photo = EXCLUDED.photo, posted_on = EXCLUDED.posted_on,
                    ends_on = EXCLUDED.ends_on, opinions = EXCLUDED.opinions""")
                .param("e", entryId).param("p", place).param("f", photo).param("from", posted).param("to", ends)
                .param("o", opinions).update();
    }

    public List<Publicity> publicity(long entryId) {
        return jdbc.sql("SELECT * FROM honour_publicity WHERE entry_id = :e ORDER BY posted_on, place")
                .param("e", entryId)
                .query((rs, i) -> new Publicity(rs.getString("place"), rs.getObject("photo", UUID.class),
                        rs.getObject("posted_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        rs.getString("opinions"))).list();
    }

    void seat(long entryId, String expert) {
        jdbc.sql("INSERT INTO honour_panel (entry_id, expert) VALUES (:e, :x) ON CONFLICT DO NOTHING")
                .param("e", entryId).param("x", expert).update();
    }

    public List<PanelSeat> panel(long entryId) {
        return jdbc.sql("SELECT * FROM honour_panel WHERE entry_id = :e ORDER BY expert").param("e", entryId)
                .query((rs, i) -> new PanelSeat(rs.getString("expert"), rs.getBigDecimal("score"),
                        rs.getString("comment"), rs.getObject("photo", UUID.class),
                        rs.getObject("scored_at", OffsetDateTime.class))).list();
    }

    /** The entries an expert sits on. */
    public List<Long> seatsOf(String expert) {
        return jdbc.sql("SELECT entry_id FROM honour_panel WHERE expert = :x ORDER BY entry_id")
                .param("x", expert).query(Long.class).list();
    }

    boolean score(long entryId, String expert, BigDecimal score, String comment, UUID photo, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE honour_panel SET score = :s, comment = :c, photo = COALESCE(:f, photo), scored_at = :at
                WHERE entry_id = :e AND expert = :x""")
                .param("s", score).param("c", comment).param("f", photo).param("at", at).param("e", entryId)
                .param("x", expert).update() == 1;
    }

    void clearScores(long entryId) {
        jdbc.sql("UPDATE honour_panel SET score = NULL, comment = NULL, scored_at = NULL WHERE entry_id = :e")
                .param("e", entryId).update();
    }

    void declareConflict(String expert, long companyId) {
        jdbc.sql("INSERT INTO expert_conflict (expert, company_id) VALUES (:x, :c) ON CONFLICT DO NOTHING")
                .param("x", expert).param("c", companyId).update();
    }

    public boolean conflicted(String expert, Long companyId) {
        return companyId != null && jdbc.sql("""
                SELECT count(*) FROM expert_conflict WHERE expert = :x AND company_id = :c""")
                .param("x", expert).param("c", companyId).query(Long.class).single() > 0;
    }

    long insertObjection(long entryId, String content, String raisedBy, String by, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO honour_objection (entry_id, content, raised_by, recorded_by, recorded_at)
                VALUES (:e, :c, :r, :by, :at) RETURNING id""")
                .param("e", entryId).param("c", content).param("r", raisedBy).param("by", by).param("at", at)
                .query(Long.class).single();
    }

    public List<Objection> objections(long entryId) {
        return jdbc.sql("SELECT * FROM honour_objection WHERE entry_id = :e ORDER BY id").param("e", entryId)
                .query((rs, i) -> new Objection(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("content"),
                        rs.getString("raised_by"), rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("decision"), rs.getString("answer"))).list();
    }

    public Optional<Objection> objection(long id) {
        return jdbc.sql("SELECT * FROM honour_objection WHERE id = :id").param("id", id)
                .query((rs, i) -> new Objection(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("content"),
                        rs.getString("raised_by"), rs.getObject("recorded_at", OffsetDateTime.class),
                        rs.getString("decision"), rs.getString("answer"))).optional();
    }

    boolean decideObjection(long id, String decision, String answer, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE honour_objection SET decision = :d, answer = :a, decided_at = :at
                WHERE id = :id AND decision IS NULL""")
                .param("d", decision).param("a", answer).param("at", at).param("id", id).update() == 1;
    }

    // mappers

    private static Honour honour(ResultSet rs, int i) throws SQLException {
        return honour(rs, "");
    }

    /** The honour of a row whose own id, estate and company columns carry the prefix (an entry's row: h_). */
    private static Honour honour(ResultSet rs, String prefix) throws SQLException {
        return new Honour(rs.getLong(prefix + "id"), rs.getLong(prefix + "estate_id"), rs.getString("estate_name"),
                rs.getString("region_path"), rs.getString("title"), rs.getString("level"), rs.getInt("year_won"),
                (Long) rs.getObject(prefix + "company_id"), rs.getString("company_name"),
                HonourStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("status_year"), rs.getString("status_reason"), rs.getString("document"));
    }

    private static Campaign campaign(ResultSet rs, int i) throws SQLException {
        Array awards = rs.getArray("award_years");
        List<Integer> years = new ArrayList<>();
        for (Object o : (Object[]) awards.getArray()) {
            years.add(((Number) o).intValue());
        }
        return new Campaign(rs.getLong("id"), rs.getLong("region_id"), rs.getString("region_path"),
                rs.getInt("year"), rs.getString("title"), rs.getString("scheme_code"), rs.getInt("scheme_version"),
                List.copyOf(years), date(rs, "confirm_by"), date(rs, "notice_by"), date(rs, "apply_by"),
                date(rs, "review_from"), date(rs, "review_to"), date(rs, "gongshi_by"), date(rs, "publish_by"),
                rs.getInt("objection_days"), rs.getBoolean("trimmed_mean"),
                CampaignStatus.valueOf(rs.getString("status")),
                date(rs, "gongshi_from"), rs.getString("document_no"),
                rs.getObject("published_at", OffsetDateTime.class));
    }

    private static Entry entry(ResultSet rs, int i) throws SQLException {
        Honour h = honour(rs, "h_");
        return new Entry(rs.getLong("id"), rs.getLong("campaign_id"), h, rs.getString("estate_path"),
                (Long) rs.getObject("company_id"), rs.getString("early_reason"),
                rs.getObject("confirmed_at", OffsetDateTime.class), rs.getString("company_decision"),
                rs.getString("application"), rs.getObject("applied_at", OffsetDateTime.class),
                rs.getString("committee_decision"), (Integer) rs.getObject("satisfied"),
                (Integer) rs.getObject("basically_satisfied"), (Integer) rs.getObject("owners"),
                date(rs, "satisfaction_posted"), rs.getBigDecimal("community_score"),
                rs.getString("community_comment"), rs.getString("veto_code"), rs.getString("veto_reason"),
                rs.getString("proposed"), rs.getString("evaluation"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
