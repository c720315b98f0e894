package cn.kaoping.voting.disclosure;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.voting.internal.VoteStatus;
import cn.kaoping.voting.internal.Votes;
import cn.kaoping.voting.rules.Matter;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company publishes an estate's service disclosure or a half-year's fund statement (seed 003 三、(二) 三公开). A
 * new publication is a new version: the earlier ones stay on the public page as history. The owners' committee then
 * confirms it ({@link #confirm}).
 */
@Service
public class PublishAccounts {

    private final DisclosureStore accounts;
    private final OrganisationDirectory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final Votes votes;

    PublishAccounts(DisclosureStore accounts, OrganisationDirectory directory, AuditLog audit, Clock clock,
                    Votes votes) {
        this.votes = votes;
        this.accounts = accounts;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long disclose(KaopingPrincipal p, long estateId, ServiceDisclosure d) {
        EstateRef e = estate(estateId);
        AccountsAccess.requirePublishes(p, e);
        long id = accounts.insert(e.id(), e.regionPath(), e.companyId(), d, p.username(), OffsetDateTime.now(clock));
        audit.record("PUBLISH", "service_disclosure", id, "公布服务信息：" + e.name(), null,
                Map.of("fees", d.fees().size()));
        return id;
    }

    @Transactional
    public long state(KaopingPrincipal p, long estateId, FundStatement s) {
        EstateRef e = estate(estateId);
        AccountsAccess.requirePublishes(p, e);
        for (int i = 0; i < s.lines().size(); i++) {
            Long vote = s.lines().get(i).voteId();
            if (vote != null) {
                requirePassedFundVote(e, vote, "lines[" + i + "].voteId");
            }
        }
        long id = accounts.insert(e.id(), e.regionPath(), e.companyId(), s, p.username(), OffsetDateTime.now(clock));
        audit.record("PUBLISH", "fund_statement", id, "公布 " + s.half() + " 公共收益和维修资金收支：" + e.name(), null,
                Map.of("half", s.half(), "fundClosing", s.fundClosing().toPlainString()));
        return id;
    }

    /**
     * The company's half-year statement from its Excel sheet ({@link StatementSheet}, layout in docs/voting.md). Who
     * may publish is checked before the sheet is read, so another company learns nothing from the rows' errors (404).
     *
     * @throws ValidationException naming every bad row (field {@code file}), or the statement's own problems
     */
    @Transactional
    public long importStatement(KaopingPrincipal p, long estateId, String half, InputStream sheet) {
        AccountsAccess.requirePublishes(p, estate(estateId));
        return state(p, estateId, StatementSheet.read(sheet, half));
    }

    /** The owners' committee confirms a published disclosure ({@code service_disclosure}) or statement. */
    @Transactional
    public void confirm(KaopingPrincipal p, String what, long id) {
        String table = "statement".equals(what) ? "fund_statement" : "service_disclosure";
        long estateId = accounts.estateOf(table, id).orElseThrow(() -> new NotFoundException("记录不存在"));
        EstateRef e = estate(estateId);
        AccountsAccess.requireConfirms(p, e);
        if (!accounts.confirm(table, id, p.username(), OffsetDateTime.now(clock))) {
            throw new ConflictException("已经确认过");
        }
        audit.record("CONFIRM", table, id, "业主委员会确认三公开信息：" + e.name(), null, Map.of());
    }

    /** A fund spending names a vote of this estate on item 5 (使用维修资金) that was counted and passed. */
    private void requirePassedFundVote(EstateRef e, long voteId, String field) {
        Votes.Stored v = votes.find(voteId).filter(x -> x.vote().estateId() == e.id())
                .orElseThrow(() -> new ValidationException(field, "业主表决 " + voteId + " 不是本小区的表决"));
        if (v.vote().matter() != Matter.USE_FUND || v.vote().status() != VoteStatus.CLOSED
                || !votes.passed(voteId)) {
            throw new ValidationException(field, "业主表决 " + voteId + "《" + v.vote().title()
                    + "》不是已通过的使用维修资金表决（第五项）");
        }
    }

    private EstateRef estate(long id) {
        EstateRef e = directory.estate(id).orElseThrow(() -> new NotFoundException("小区不存在"));
        if (e.companyId() == null) {
            throw new ConflictException("小区没有登记物业服务企业");
        }
        return e;
    }
}
