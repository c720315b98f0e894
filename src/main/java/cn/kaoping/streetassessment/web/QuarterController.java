package cn.kaoping.streetassessment.web;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.streetassessment.year.AssessmentAccess;
import cn.kaoping.streetassessment.year.PublishQuarter;
import cn.kaoping.streetassessment.year.PublishedQuarters;
import cn.kaoping.streetassessment.year.QuarterDocuments;
import cn.kaoping.streetassessment.year.StreetScores;
import cn.kaoping.streetassessment.year.Years;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;


/**
 * Quarter end (issue 15): the ranking as of the quarter's last day for review, its publication (a revision with a
 * reason when published before), and the staff's seed-layout Excel of a published quarter.
 */
@Controller
@RequestMapping("/street-assessments")
class QuarterController {

    private final PublishQuarter publish;
    private final PublishedQuarters published;
    private final QuarterDocuments documents;
    private final Years years;

    QuarterController(PublishQuarter publish, PublishedQuarters published, QuarterDocuments documents, Years years) {
        this.publish = publish;
        this.published = published;
        this.documents = documents;
        this.years = years;
    }

    @GetMapping("/{id:\\d+}/quarters/{quarter:[1-4]}")
    String preview(@PathVariable long id, @PathVariable int quarter, Model model) {
        KaopingPrincipal p = CurrentUser.get();
        var y = years.year(p, id);
        StreetScores.Ranked ranked = StreetScores.ranked(p, y, publish.preview(p, id, quarter));
        model.addAttribute("year", y);
        model.addAttribute("quarter", quarter);
        model.addAttribute("asOf", PublishQuarter.end(y.year(), quarter));
        model.addAttribute("scores", ranked.visible());
        model.addAttribute("places", ranked.places());
        model.addAttribute("runs", AssessmentAccess.runsYear(p, y));
        model.addAttribute("ended", years.today().isAfter(PublishQuarter.end(y.year(), quarter)));
        return "streetassessment/quarter";
    }

    @PostMapping("/{id:\\d+}/quarters/{quarter:[1-4]}/publish")
    String publish(@PathVariable long id, @PathVariable int quarter, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        long[] published = new long[1];
        String back = cn.kaoping.platform.web.FlashSteps.run(redirect,
                "/street-assessments/" + id + "/quarters/" + quarter,
                () -> published[0] = publish.publish(CurrentUser.get(), id, quarter, reason));
        return published[0] > 0 ? "redirect:/public/street-assessments/" + published[0] : back;
    }

    @GetMapping("/quarters/{quarterId:\\d+}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long quarterId) {
        PublishedQuarters.Published pub = published.of(CurrentUser.get(), quarterId)
                .orElseThrow(() -> new NotFoundException("公示结果不存在"));
        return Downloads.xlsx("街道考核-" + pub.year().districtName() + pub.year().year() + "-Q"
                + pub.quarter().quarter() + "-v" + pub.quarter().revision() + ".xlsx", documents.xlsx(pub));
    }
}
