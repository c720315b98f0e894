package cn.kaoping.escalation.internal;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ladders (a company in a district), their estates and escalation's own copy of each rectification notice, in
 * PostgreSQL; names and region paths of new ones come from the organisation directory.
 */
@Repository
class CaseStore {

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;

    CaseStore(JdbcClient jdbc, OrganisationDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The ladder of a company in a district, created on first use. */
    long caseFor(long companyId, String companyName, long districtId) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM escalation_case WHERE company_id = :c AND district_id = :d")
                .param("c", companyId).param("d", districtId).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        RegionRef district = directory.region(districtId)
                .orElseThrow(() -> new IllegalArgumentException("unknown district " + districtId));
        String name = companyName != null ? companyName
                : directory.companyName(companyId).orElse("#" + companyId);
        return jdbc.sql("""
                INSERT INTO escalation_case (company_id, company_name, district_id, district_name, district_path)
                VALUES (:c, :name, :d, :dname, :dpath)
                ON CONFLICT (company_id, district_id) DO UPDATE SET company_name = escalation_case.company_name
                RETURNING id""")
                .param("c", companyId).param("name", name).param("d", districtId).param("dname", district.name())
                .param("dpath", district.path()).query(Long.class).single();
    }

    /** Adds an estate to a ladder (a street office then sees it) and returns its name. */
    String addEstate(long caseId, long estateId, String estateName) {
        Optional<EstateRef> estate = directory.estate(estateId);
        String name = estate.map(EstateRef::name).orElse(estateName == null ? "#" + estateId : estateName);
        String path = estate.map(EstateRef::regionPath).orElseGet(() -> districtPath(caseId));
        jdbc.sql("""
                INSERT INTO escalation_case_estate (case_id, estate_id, estate_name, region_path)
                VALUES (:case, :estate, :name, :path) ON CONFLICT DO NOTHING""")
                .param("case", caseId).param("estate", estateId).param("name", name).param("path", path).update();
        return name;
    }

    String districtPath(long caseId) {
        return jdbc.sql("SELECT district_path FROM escalation_case WHERE id = :id").param("id", caseId)
                .query(String.class).single();
    }

    long districtId(long caseId) {
        return jdbc.sql("SELECT district_id FROM escalation_case WHERE id = :id").param("id", caseId)
                .query(Long.class).single();
    }

    /** Whether one of the ladder's estates lies under a region path (a street office's). */
    boolean hasEstateUnder(long caseId, String regionPath) {
        return jdbc.sql("""
                SELECT count(*) FROM escalation_case_estate WHERE case_id = :c AND region_path LIKE :path""")
                .param("c", caseId).param("path", regionPath + "%").query(Long.class).single() > 0;
    }

    /** Locks the ladder so that one condition suggests once, however many deliveries run at the same time. */
    void lock(long caseId) {
        jdbc.sql("SELECT id FROM escalation_case WHERE id = :id FOR UPDATE").param("id", caseId).query(Long.class)
                .single();
    }

    // ---------------------------------------------------------------- the copy of the rectification notices

    void noticeIssued(long noticeId, long caseId, String number, long estateId, String estateName, LocalDate issuedOn,
                      LocalDate deadline) {
        jdbc.sql("""
                INSERT INTO escalation_notice (notice_id, case_id, number, estate_id, estate_name, issued_on, deadline)
                VALUES (:id, :case, :number, :estate, :estateName, :issued, :deadline)
                ON CONFLICT (notice_id) DO UPDATE SET issued_on = EXCLUDED.issued_on, deadline = EXCLUDED.deadline""")
                .param("id", noticeId).param("case", caseId).param("number", number)
                .param("estate", estateId).param("estateName", estateName).param("issued", issuedOn)
                .param("deadline", deadline).update();
    }

    /** The notice's copy when its NoticeIssued has not arrived (yet); nothing when it has. */
    void noticeKnown(long noticeId, long caseId, String number, long estateId, String estateName) {
        jdbc.sql("""
                INSERT INTO escalation_notice (notice_id, case_id, number, estate_id, estate_name)
                VALUES (:id, :case, :number, :estate, :estateName) ON CONFLICT (notice_id) DO NOTHING""")
                .param("id", noticeId).param("case", caseId).param("number", number).param("estate", estateId)
                .param("estateName", estateName).update();
    }

    void noticeOverdue(long noticeId, LocalDate deadline, LocalDate on) {
        jdbc.sql("""
                UPDATE escalation_notice SET deadline = coalesce(deadline, :deadline),
                       overdue_since = coalesce(overdue_since, :on) WHERE notice_id = :id""")
                .param("deadline", deadline).param("on", on).param("id", noticeId).update();
    }

    void noticeFailed(long noticeId, LocalDate on) {
        jdbc.sql("UPDATE escalation_notice SET failed_on = :on WHERE notice_id = :id")
                .param("on", on).param("id", noticeId).update();
    }

    void noticeClosed(long noticeId, LocalDate on) {
        jdbc.sql("UPDATE escalation_notice SET closed = TRUE, closed_on = :on WHERE notice_id = :id")
                .param("on", on).param("id", noticeId).update();
    }

    void noticeReopened(long noticeId) {
        jdbc.sql("UPDATE escalation_notice SET closed = FALSE, closed_on = NULL WHERE notice_id = :id")
                .param("id", noticeId).update();
    }

    String estateName(long noticeId) {
        return jdbc.sql("SELECT estate_name FROM escalation_notice WHERE notice_id = :id").param("id", noticeId)
                .query(String.class).single();
    }

    /** Whether a 通报 already names the notice: the ladder goes on with 约谈, not with another 通报 for it. */
    boolean circularised(long noticeId) {
        return jdbc.sql("SELECT count(*) FROM escalation_circular_notice WHERE notice_id = :n")
                .param("n", noticeId).query(Long.class).single() > 0;
    }
}
