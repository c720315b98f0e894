package cn.kaoping.voting.web;

import cn.kaoping.voting.internal.CastBallot;
import cn.kaoping.voting.internal.VoteDocuments;
import cn.kaoping.voting.internal.VoteStatus;
import cn.kaoping.voting.internal.Votes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.kaoping.platform.web.OwnerPageViews;
import cn.kaoping.platform.web.OwnerPages;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's ballot page {@code /s/v/{key}} (public, stateless, the survey pages' security chain): the vote's text,
 * the code from the slip and a choice per proposal; after the close, the result for as long as it is published.
 */
@Controller
@OwnerPages
class OwnerVoteController {

    private static final List<String> OPTIONS = List.of("FOR", "AGAINST", "ABSTAIN");

    private final CastBallot cast;
    private final VoteDocuments documents;
    private final Votes votes;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final OwnerPageViews views;

    OwnerVoteController(CastBallot cast, VoteDocuments documents, Votes votes, Clock clock, OwnerPageViews views) {
        this.views = views;
        this.cast = cast;
        this.documents = documents;
        this.votes = votes;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
    }

    @GetMapping("/s/v/{key}")
    View page(@PathVariable String key, Model model, HttpServletRequest req, HttpServletResponse res) {
        return show(cast.find(key), key, null, List.of(), null, model, req, res);
    }

    @PostMapping("/s/v/{key}")
    View submit(@PathVariable String key, @RequestParam Map<String, String> params, Model model,
                  HttpServletRequest req, HttpServletResponse res) {
        Optional<Votes.Stored> s = cast.find(key);
        List<String> chosen = new ArrayList<>();
        if (s.isPresent()) {
            for (int i = 1; i <= s.get().vote().proposals().size(); i++) {
                chosen.add(params.get("b" + i));
            }
        }
        CastBallot.Outcome outcome = s.isEmpty() ? null
                : cast.cast(s.get(), params.get("code"), chosen, req.getRemoteAddr());
        if (outcome != null && (outcome.status() == CastBallot.Status.ENDED
                || outcome.status() == CastBallot.Status.NOT_OPEN)) {
            cast.forget(key); // the cached vote may be a few seconds old: show it as it stands
            s = cast.find(key);
        }
        return show(s, key, params.get("code"), chosen, outcome, model, req, res);
    }

    private View show(Optional<Votes.Stored> s, String key, String code, List<String> chosen,
                        CastBallot.Outcome outcome, Model model, HttpServletRequest req, HttpServletResponse res) {
        res.setHeader("Cache-Control", "no-store");
        model.addAttribute("action", req.getContextPath() + "/s/v/" + key);
        model.addAttribute("stylesheet", req.getContextPath() + "/css/owner.css");
        model.addAttribute("options", OPTIONS);
        model.addAttribute("outcome", outcome);
        if (s.isEmpty()) {
            res.setStatus(404);
            model.addAttribute("s", null);
            return views.view("owner/vote", RequestContextUtils.getLocale(req));
        }
        var vote = s.get().vote();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("s", s.get());
        model.addAttribute("open", vote.takesBallots(today));
        model.addAttribute("ended", vote.status() == VoteStatus.CLOSED || today.isAfter(vote.closesOn()));
        boolean published = vote.status() == VoteStatus.CLOSED
                && (s.get().resultUntil() == null || !today.isAfter(s.get().resultUntil()));
        model.addAttribute("tallies", published ? documents.tallies(votes.results(vote.id())) : null);
        List<String> padded = new ArrayList<>(chosen);
        while (padded.size() < vote.proposals().size()) {
            padded.add(null);
        }
        model.addAttribute("chosen", padded);
        model.addAttribute("code", outcome != null && outcome.accepted() ? null : code);
        if (outcome != null && outcome.accepted()) {
            model.addAttribute("acknowledged", time.format(outcome.at()));
        }
        if (outcome != null && !outcome.accepted()) {
            res.setStatus(switch (outcome.status()) {
                case MISSING, BAD_CODE -> 422;
                case LOCKED, NOW_LOCKED -> 429;
                default -> 409;
            });
        }
        return views.view("owner/vote", RequestContextUtils.getLocale(req));
    }
}
