package cn.kaoping.inspection.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A district's publicity days 公示天数: the default of its round form, set by the district, 7 until then. */
@Service
public class RoundSettings {

    private final JdbcClient jdbc;
    private final InspectionSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    RoundSettings(JdbcClient jdbc, InspectionSettings settings, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The publicity days of the principal's district (or city). */
    @Transactional(readOnly = true)
    public int publicityDays(KaopingPrincipal p) {
        if (p.regionId() == null) {
            return settings.publicityDays();
        }
        return jdbc.sql("SELECT publicity_days FROM round_setting WHERE region_id = :id").param("id", p.regionId())
                .query(Integer.class).optional().orElse(settings.publicityDays());
    }

    /** The shortest publicity a round may have. */
    public int minPublicityDays() {
        return settings.minPublicityDays();
    }

    /** The district (or city) that leads rounds sets its publicity days, 1 to 60. */
    @Transactional
    public void setPublicityDays(KaopingPrincipal p, Integer days) {
        if (!RoundService.opensRounds(p.role()) || p.regionId() == null) {
            throw new ForbiddenException("只有区、市房产主管部门可以设置公示天数");
        }
        if (days == null || days < 1 || days > 60) {
            throw new ValidationException("publicityDays", "公示天数应在 1 到 60 天之间");
        }
        int before = publicityDays(p);
        jdbc.sql("""
                INSERT INTO round_setting (region_id, publicity_days, updated_by, updated_at)
                VALUES (:id, :days, :by, :at)
                ON CONFLICT (region_id) DO UPDATE SET publicity_days = EXCLUDED.publicity_days,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .param("id", p.regionId()).param("days", days).param("by", p.username())
                .param("at", OffsetDateTime.now(clock)).update();
        audit.record("UPDATE", "round_setting", p.regionId(), "设置公示天数 " + days + " 天", before, days);
    }
}
