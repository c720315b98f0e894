package cn.kaoping.casework.web;

import cn.kaoping.casework.ComplaintLeague;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The public league of street offices by on-time closure of complaints, for a year (default: this year so far). */
@Controller
@RequestMapping("/public/complaints/league")
class PublicComplaintLeagueController {

    private final ComplaintLeague league;
    private final OrganisationDirectory directory;
    private final Clock clock;

    PublicComplaintLeagueController(ComplaintLeague league, OrganisationDirectory directory, Clock clock) {
        this.league = league;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) String year, Model model, HttpServletRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        int y = year != null && year.matches("\\d{4}") ? Integer.parseInt(year) : today.getYear();
        if (y < 2000 || y > today.getYear()) {
            throw new NotFoundException("没有该年度的数据");
        }
        RegionRef city = directory.city().orElseThrow(() -> new NotFoundException("没有数据"));
        LocalDate to = y == today.getYear() ? today : LocalDate.of(y, 12, 31);
        model.addAttribute("ctx", request.getContextPath());
        model.addAttribute("league", league.of(city.path(), LocalDate.of(y, 1, 1), to));
        model.addAttribute("year", y);
        return "casework/public-league";
    }
}
