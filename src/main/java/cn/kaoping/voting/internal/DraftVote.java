package cn.kaoping.voting.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.rules.Matter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owners' committee (or street office / residents' committee) drafts a vote for its estate. */
@Service
public class DraftVote {

    private final Votes votes;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final int announcementDays;

    DraftVote(Votes votes, OrganisationDirectory directory, AuditLog audit, Clock clock,
              @Value("${kaoping.voting.announcement-days:15}") int announcementDays) {
        this.votes = votes;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.announcementDays = announcementDays;
    }

    /** What the committee fills in. */
    public record Form(Long estateId, Integer matter, String title, List<String> proposals, LocalDate announcedOn,
                       LocalDate opensOn, LocalDate closesOn, String source) {

        public Form(Long estateId, Integer matter, String title, List<String> proposals, LocalDate announcedOn,
                    LocalDate opensOn, LocalDate closesOn) {
            this(estateId, matter, title, proposals, announcedOn, opensOn, closesOn, null);
        }
    }

    @Transactional
    public long draft(KaopingPrincipal p, Form form) {
        if (form == null || form.estateId() == null) {
            throw new ValidationException("estateId", "请选择小区");
        }
        EstateRef estate = directory.estate(form.estateId()).orElseThrow(() -> new NotFoundException("小区不存在"));
        VoteAccess.requireRuns(p, estate.id(), estate.regionPath());
        Matter matter;
        try {
            matter = Matter.ofItem(form.matter() == null ? 0 : form.matter());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("matter", e.getMessage());
        }
        Vote v = Vote.draft(estate.id(), matter, form.title(), form.proposals(), form.announcedOn(), form.opensOn(),
                form.closesOn(), announcementDays);
        String source = form.source() == null || form.source().isBlank() ? null : form.source().strip();
        if (source != null && !source.matches("exit:\\d{1,18}")) {
            throw new ValidationException("source", "表决依据应为退出建议函（exit:编号）");
        }
        long id = votes.insert(v, estate.name(), estate.regionPath(), p.username(), OffsetDateTime.now(clock));
        if (source != null) {
            votes.setSource(id, source); // e.g. the exit recommendation letter this vote answers (item 4)
        }
        audit.record("CREATE", "vote", id, "起草业主表决：" + estate.name() + "《" + v.title() + "》", null,
                Map.of("matter", matter.item(), "proposals", v.proposals().size(), "opensOn", v.opensOn(),
                        "closesOn", v.closesOn()));
        return id;
    }
}
