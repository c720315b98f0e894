package cn.kaoping.voting.disclosure.web;

import cn.kaoping.shared.NotFoundException;
import cn.kaoping.voting.disclosure.EstateAccounts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The estate's public accounts on the public site, no sign-in (seed 003 三公开): the company's service disclosure with
 * its earlier versions, and every half-year statement, confirmed or not (and saying which).
 */
@Controller
class PublicAccountsController {

    private final EstateAccounts accounts;
    private final java.util.List<cn.kaoping.platform.web.EstateNotices> notices;
    private final java.time.Clock clock;

    PublicAccountsController(EstateAccounts accounts, java.util.List<cn.kaoping.platform.web.EstateNotices> notices,
                             java.time.Clock clock) {
        this.accounts = accounts;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping("/public/estates/{id:\\d+}/accounts")
    String page(@PathVariable long id, Model model, HttpServletRequest req) {
        model.addAttribute("a", accounts.published(id).orElseThrow(() -> new NotFoundException("小区不存在")));
        model.addAttribute("ctx", req.getContextPath());
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        model.addAttribute("notices", notices.stream().flatMap(n -> n.noticesFor(id, today).stream()).toList());
        return "accounts/public";
    }
}
