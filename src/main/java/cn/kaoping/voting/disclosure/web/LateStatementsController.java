package cn.kaoping.voting.disclosure.web;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.voting.disclosure.EstateAccounts;
import cn.kaoping.voting.disclosure.StatementDeadlines;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The estates of the caller's region whose last half-year statement is missing (三公开), for the street to chase. */
@Controller
class LateStatementsController {

    private final EstateAccounts accounts;
    private final OrganisationDirectory directory;
    private final Clock clock;
    private final StatementDeadlines deadlines;

    LateStatementsController(EstateAccounts accounts, OrganisationDirectory directory, Clock clock,
                             StatementDeadlines deadlines) {
        this.deadlines = deadlines;
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/accounts/late")
    String late(Model model) {
        KaopingPrincipal p = CurrentUser.get();
        if (!p.role().readsRegionFigures()) {
            throw new ForbiddenException("供街道办事处、区和市查看");
        }
        StatementDeadlines.Due last = deadlines.lastEnded(LocalDate.now(clock));
        String half = last.half();
        model.addAttribute("half", half);
        model.addAttribute("due", last.on());
        model.addAttribute("estates", accounts.late(directory.estatesUnder(p.regionPath(), null, null, false), half)
                .stream().sorted(Comparator.comparing(e -> e.name())).toList());
        return "accounts/late";
    }
}
