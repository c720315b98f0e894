package cn.kaoping.voting.disclosure;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.voting.internal.VoteStatus;
import cn.kaoping.voting.internal.Votes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an estate's accounts page shows: the disclosure's versions and the statements, with the statement due. */
@Service
public class EstateAccounts {

    private final DisclosureStore accounts;
    private final OrganisationDirectory directory;
    private final Clock clock;
    private final Votes votes;
    private final StatementDeadlines deadlines;

    EstateAccounts(DisclosureStore accounts, OrganisationDirectory directory, Clock clock, Votes votes,
                   StatementDeadlines deadlines) {
        this.deadlines = deadlines;
        this.votes = votes;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @param due     the last ended half-year and the day its statement is due
     * @param overdue whether that statement is missing after its due day
     */
    public record View(EstateRef estate, String companyName, List<DisclosureStore.Published<ServiceDisclosure>> disclosures,
                       List<DisclosureStore.Published<FundStatement>> statements, String dueHalf, LocalDate dueOn,
                       boolean overdue, List<VoteResult> votes) {
    }

    /** An owners' vote whose result is still published (民法典 art. 278; issue 13): its page on the owners' link. */
    public record VoteResult(String title, LocalDate closesOn, String linkKey) {
    }

    /** Of these estates, the managed ones whose statement for the half-year is missing. */
    @Transactional(readOnly = true)
    public List<cn.kaoping.organisation.EstateListing> late(List<cn.kaoping.organisation.EstateListing> estates,
                                                           String half) {
        List<cn.kaoping.organisation.EstateListing> managed = estates.stream().filter(e -> e.companyId() != null)
                .toList();
        java.util.Set<Long> done = accounts.withStatement(managed.stream()
                .map(cn.kaoping.organisation.EstateListing::id).toList(), half);
        return managed.stream().filter(e -> !done.contains(e.id())).toList();
    }

    /** For a signed-in user in scope (404 otherwise). */
    @Transactional(readOnly = true)
    public View get(KaopingPrincipal p, long estateId) {
        EstateRef e = directory.estate(estateId).orElseThrow(() -> new NotFoundException("小区不存在"));
        AccountsAccess.requireSees(p, e);
        return view(e);
    }

    /** For the public site: any estate that has a company. */
    @Transactional(readOnly = true)
    public Optional<View> published(long estateId) {
        return directory.estate(estateId).filter(e -> e.companyId() != null).map(this::view);
    }

    private View view(EstateRef e) {
        LocalDate today = LocalDate.now(clock);
        StatementDeadlines.Due last = deadlines.lastEnded(today);
        String half = last.half();
        LocalDate due = last.on();
        List<DisclosureStore.Published<FundStatement>> statements = accounts.statements(e.id());
        boolean missing = statements.stream().noneMatch(s -> s.content().half().equals(half));
        String company = e.companyId() == null ? null : directory.companyName(e.companyId()).orElse(null);
        List<VoteResult> results = votes.under(null, e.id()).stream()
                .filter(v -> v.vote().status() == VoteStatus.CLOSED && v.linkKey() != null
                        && (v.resultUntil() == null || !today.isAfter(v.resultUntil())))
                .map(v -> new VoteResult(v.vote().title(), v.vote().closesOn(), v.linkKey())).toList();
        return new View(e, company, accounts.disclosures(e.id()), statements, half, due,
                missing && today.isAfter(due), results);
    }
}
