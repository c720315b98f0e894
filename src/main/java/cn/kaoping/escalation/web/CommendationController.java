package cn.kaoping.escalation.web;

import cn.kaoping.escalation.internal.Commendations;
import cn.kaoping.escalation.internal.Documents;
import cn.kaoping.escalation.internal.Views;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The printable list of companies recommended for 评优评先 and projects, per ranking: screen, PDF and .xlsx. */
@Controller
@RequestMapping("/escalation/commendations")
class CommendationController {

    private final Commendations commendations;
    private final Documents documents;

    CommendationController(Commendations commendations, Documents documents) {
        this.commendations = commendations;
        this.documents = documents;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long ranking, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        List<Views.CommendedRanking> rankings = commendations.rankings(p);
        Views.CommendedRanking shown = rankings.stream().filter(r -> ranking != null && r.rankingId() == ranking)
                .findFirst().orElse(ranking == null && !rankings.isEmpty() ? rankings.get(0) : null);
        if (ranking != null && shown == null) {
            throw new NotFoundException("该排名没有推荐名单");
        }
        model.addAttribute("rankings", rankings);
        model.addAttribute("shown", shown);
        model.addAttribute("list", shown == null ? List.of() : commendations.list(p, shown.rankingId()));
        return "escalation/commendations";
    }

    @GetMapping("/list.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam long ranking) {
        List<Views.Commendation> list = shown(ranking);
        return Downloads.pdf("推荐名单-" + list.get(0).period() + ".pdf",
                documents.pdf(Documents.Type.commendations, list));
    }

    @GetMapping("/list.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam long ranking) {
        List<Views.Commendation> list = shown(ranking);
        return Downloads.xlsx("推荐名单-" + list.get(0).period() + ".xlsx", documents.commendationsXlsx(list));
    }

    private List<Views.Commendation> shown(long ranking) {
        List<Views.Commendation> list = commendations.list(CurrentUser.get(), ranking);
        if (list.isEmpty()) {
            throw new NotFoundException("该排名没有推荐名单");
        }
        return list;
    }
}
