package cn.kaoping.streetassessment.web;

import cn.kaoping.platform.web.Downloads;
import cn.kaoping.streetassessment.year.PublishedQuarters;
import cn.kaoping.streetassessment.year.QuarterDocuments;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public 公示 of street-office assessment results (seed 001: 考核结果排名后在区政府网站进行公示): every published
 * quarter's latest revision, one quarter's ranking with each street's points per row, and its PDF. No login.
 */
@Controller
@RequestMapping("/public/street-assessments")
class PublicStreetRankingController {

    private final PublishedQuarters published;
    private final QuarterDocuments documents;

    PublicStreetRankingController(PublishedQuarters published, QuarterDocuments documents) {
        this.published = published;
        this.documents = documents;
    }

    @GetMapping
    String list(Model model, HttpServletRequest request) {
        model.addAttribute("ctx", request.getContextPath());
        model.addAttribute("quarters", published.latest(200));
        return "streetassessment/public-list";
    }

    @GetMapping("/{quarterId:\\d+}")
    String show(@PathVariable long quarterId, Model model, HttpServletRequest request) {
        model.addAttribute("ctx", request.getContextPath());
        model.addAttribute("pub", published.get(quarterId));
        return "streetassessment/public-quarter";
    }

    @GetMapping("/{quarterId:\\d+}/gongshi.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long quarterId) {
        PublishedQuarters.Published pub = published.get(quarterId);
        return Downloads.pdf("街道考核公示-" + pub.year().districtName() + pub.year().year() + "-Q"
                + pub.quarter().quarter() + ".pdf", documents.gongshi(pub));
    }
}
