package cn.kaoping.voting.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.guard.OneTimeCodes;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import cn.kaoping.voting.internal.CountRoll.UnitInput;
import cn.kaoping.voting.rules.OwnerVote;
import cn.kaoping.voting.rules.RollUnit;
import cn.kaoping.voting.rules.Tally;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vote's steps after the draft, each one transition of {@link Vote} with its audit line: the street office
 * approves, the roll is frozen as the window opens, the window's end is counted by {@link OwnerVote} per proposal.
 */
@Service
public class VoteTransitions {

    private final Votes votes;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final int resultDays;
    private final VoteLinks links;

    @Autowired
    VoteTransitions(Votes votes, AuditLog audit, JsonMapper json, Clock clock,
                    @Value("${kaoping.voting.result-days:30}") int resultDays, VoteLinks links) {
        this.votes = votes;
        this.links = links;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.resultDays = resultDays;
    }

    VoteTransitions(Votes votes, AuditLog audit, JsonMapper json, Clock clock) {
        this(votes, audit, json, clock, 30, null);
    }

    @Transactional
    public void approve(KaopingPrincipal p, long id) {
        Votes.Stored s = lock(id);
        VoteAccess.requireApproves(p, s.vote().estateId(), s.estatePath());
        s.vote().approve(p.username(), today());
        save(s, "APPROVE", "审核通过业主表决《" + s.vote().title() + "》，公告至 " + s.vote().opensOn().minusDays(1));
    }

    /** Opens the window with the roll (the committee's copy of the property register), frozen from now on. */
    @Transactional
    public int open(KaopingPrincipal p, long id, List<UnitInput> units) {
        Votes.Stored s = lock(id);
        VoteAccess.requireRuns(p, s.vote().estateId(), s.estatePath());
        List<RollUnit> roll = roll(units);
        s.vote().open(today(), roll.size());
        votes.freezeRoll(id, roll);
        votes.setLink(id, OneTimeCodes.linkKey(), OneTimeCodes.salt());
        save(s, "OPEN", "业主表决《" + s.vote().title() + "》开始投票，名册 " + roll.size() + " 个专有部分");
        return roll.size();
    }

    /** Counts every proposal once the window is over; the results are stored with their reasons. */
    @Transactional
    public List<Tally> close(KaopingPrincipal p, long id) {
        Votes.Stored s = lock(id);
        VoteAccess.requireRuns(p, s.vote().estateId(), s.estatePath());
        s.vote().close(today());
        List<Tally> tallies = new ArrayList<>();
        for (int proposal = 1; proposal <= s.vote().proposals().size(); proposal++) {
            Tally t = OwnerVote.count(s.vote().matter(), votes.roll(id, proposal));
            votes.saveResult(id, proposal, t.passed(), json.writeValueAsString(t));
            tallies.add(t);
        }
        votes.setResultUntil(id, today().plusDays(resultDays)); // the result stays on the owners' page this long
        if (links != null) {
            links.forget(s.linkKey()); // the owners' page shows the result at once
        }
        save(s, "CLOSE", "业主表决《" + s.vote().title() + "》计票：" + tallies.stream()
                .map(t -> t.passed() ? "通过" : "未通过").toList());
        return tallies;
    }

    private List<RollUnit> roll(List<UnitInput> units) {
        List<FieldProblem> problems = new ArrayList<>();
        if (units == null || units.isEmpty()) {
            throw new ValidationException("units", "请提供表决名册（每个专有部分的房号、业主、面积）");
        }
        if (units.size() > CountRoll.MAX_UNITS) {
            throw new ValidationException("units", "名册最多 " + CountRoll.MAX_UNITS + " 个专有部分");
        }
        Set<String> seen = new HashSet<>();
        List<RollUnit> roll = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitInput u = units.get(i);
            String at = "units[" + i + "]";
            if (u == null || u.unit() == null || u.unit().isBlank() || u.unit().length() > 100) {
                problems.add(new FieldProblem(at + ".unit", "第 " + (i + 1) + " 行缺少房号（最多 100 字）"));
            } else if (!seen.add(u.unit().strip())) {
                problems.add(new FieldProblem(at + ".unit", "房号 " + u.unit() + " 重复"));
            } else if (u.area() == null || u.area().signum() < 0 || u.area().compareTo(new java.math.BigDecimal("1000000")) > 0) {
                problems.add(new FieldProblem(at + ".area", "第 " + (i + 1) + " 行的面积应在 0 到 1,000,000 ㎡ 之间"));
            } else if (!Boolean.TRUE.equals(u.unsold()) && (u.owner() == null || u.owner().isBlank())) {
                problems.add(new FieldProblem(at + ".owner", "第 " + (i + 1) + " 行缺少业主姓名"));
            } else if (u.owner() != null && u.owner().length() > 100) {
                problems.add(new FieldProblem(at + ".owner", "第 " + (i + 1) + " 行的业主姓名过长"));
            } else {
                roll.add(new RollUnit(u.unit().strip(), u.owner() == null ? null : u.owner().strip(), u.area(),
                        Boolean.TRUE.equals(u.unsold()), null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return roll;
    }

    private Votes.Stored lock(long id) {
        return votes.lock(id).orElseThrow(() -> new NotFoundException("表决不存在"));
    }

    private void save(Votes.Stored s, String action, String summary) {
        votes.saveState(s.vote(), OffsetDateTime.now(clock));
        audit.record(action, "vote", s.vote().id(), summary, null, Map.of("status", s.vote().status()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
