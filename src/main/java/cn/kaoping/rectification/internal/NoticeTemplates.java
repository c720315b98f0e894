package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each district's notice template (issuing body, number prefix, heading, body with placeholders, deadline and
 * reminder days, acceptance method): read by every draft, edited by the district admin, the defaults until then.
 */
@Service
public class NoticeTemplates {

    private final Notices notices;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    NoticeTemplates(Notices notices, OrganisationDirectory directory, AuditLog audit, Clock clock) {
        this.notices = notices;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The template of the principal's district (a district admin's own; the defaults until edited). */
    @Transactional(readOnly = true)
    public Template template(KaopingPrincipal p) {
        RegionRef district = ownDistrict(p);
        return template(district.id(), district.name());
    }

    @Transactional
    public Template saveTemplate(KaopingPrincipal p, Template edited) {
        RegionRef district = ownDistrict(p);
        Template before = template(district.id(), district.name());
        Template t = new Template(district.id(), edited.issuingBody(), edited.numberPrefix(), edited.heading(),
                edited.body(), edited.deadlineDays(), edited.reminderDays(), edited.acceptanceMethod()).validated();
        notices.saveTemplate(t, p.username(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "UPDATE", "rectification_template", district.id(), "修改整改通知书模板："
                + district.name(), before, t);
        return t;
    }

    /** The district whose template the principal edits: a district admin's own district. */
    public RegionRef ownDistrict(KaopingPrincipal p) {
        if (!Access.editsTemplate(p) || p.regionId() == null) {
            throw new ForbiddenException("只有区房产主管部门可以修改整改通知书模板");
        }
        return directory.region(p.regionId()).orElseThrow(() -> new NotFoundException("所在区不存在"));
    }

    Template template(long districtId, String districtName) {
        return notices.template(districtId).orElseGet(() -> Template.defaults(districtId, districtName));
    }
}
