package cn.kaoping.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log is append-only and tamper-evident, and administrators can search it. */
@IntegrationTest
class AuditLogTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    private long addCompany(String name, String code) {
        Browserless district = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD);
        var res = district.post("/companies", Map.of("name", name, "creditCode", code, "contactPerson", "王五"));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(302);
        return jdbc.sql("SELECT id FROM property_company WHERE credit_code = :c").param("c", code)
                .query(Long.class).single();
    }

    @Test
    void aChangeIsRecordedWithWhoWhatAndTheValuesAfter() {
        long id = addCompany("审计测试物业有限公司", "91110108MA01ABCD10".substring(0, 17)
                + cn.kaoping.organisation.UnifiedCreditCode.checkCharacter("91110108MA01ABCD1"));
        Map<String, Object> row = jdbc.sql("""
                SELECT actor, action, after ->> 'name' AS name FROM audit_event
                WHERE entity_type = 'property_company' AND entity_id = :id""")
                .param("id", String.valueOf(id)).query().singleRow();
        assertThat(row).containsEntry("actor", "hedong_admin").containsEntry("action", "CREATE")
                .containsEntry("name", "审计测试物业有限公司");
        Browserless cityAdmin = Browserless.signIn(port, "city_admin", Browserless.DEMO_PASSWORD);
        String page = cityAdmin.get("/admin/audit?entityType=property_company&entityId=" + id).body();
        assertThat(page).contains("hedong_admin").contains("审计测试物业有限公司").contains("审计链校验通过");
        // people by name, actions and record types in words (the codes stay searchable)
        assertThat(page).contains("河东区住建局 李主任").contains("<td>新增</td>").contains("<td>物业服务企业</td>")
                .doesNotContain("<td>CREATE</td>");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditLines() {
        addCompany("只增测试物业有限公司", "91110108MA01ABCF1".concat(String.valueOf(
                cn.kaoping.organisation.UnifiedCreditCode.checkCharacter("91110108MA01ABCF1"))));
        long lines = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone' WHERE id = (SELECT min(id) FROM audit_event)")
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(lines);
    }

    @Test
    void aLineAlteredBehindTheTriggersBackBreaksTheChainAtThatLine() {
        addCompany("链条测试物业有限公司", "91110108MA01ABCE1".concat(String.valueOf(
                cn.kaoping.organisation.UnifiedCreditCode.checkCharacter("91110108MA01ABCE1"))));
        long last = jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).single();
        String actor = jdbc.sql("SELECT actor FROM audit_event WHERE id = :id").param("id", last).query(String.class).single();
        assertThat(audit.firstBrokenLink()).isEmpty();
        try {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
            jdbc.sql("UPDATE audit_event SET actor = 'forger' WHERE id = :id").param("id", last).update();
            assertThat(audit.firstBrokenLink()).contains(last);
        } finally {
            jdbc.sql("UPDATE audit_event SET actor = :a WHERE id = :id").param("a", actor).param("id", last).update();
            jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
        }
        assertThat(audit.firstBrokenLink()).isEmpty();
    }

    @Test
    void streetOfficersCannotReadTheAuditLog() {
        Browserless officer = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(officer.get("/admin/audit").statusCode()).isEqualTo(403);
    }
}
