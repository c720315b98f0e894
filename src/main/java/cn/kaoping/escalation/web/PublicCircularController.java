package cn.kaoping.escalation.web;

import cn.kaoping.escalation.internal.Documents;
import cn.kaoping.escalation.internal.LadderQueries;
import cn.kaoping.escalation.internal.Views;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The published circulars 通报 on the public site, without login (seed 000: 在一定范围内进行通报): the list, each
 * circular and its PDF. The {@code /public/**} chain already admits anonymous GETs.
 */
@Controller
class PublicCircularController {

    private final LadderQueries ladder;
    private final Documents documents;

    PublicCircularController(LadderQueries ladder, Documents documents) {
        this.ladder = ladder;
        this.documents = documents;
    }

    /** The context path, for links written without Thymeleaf's link builder (see public/layout.html). */
    @ModelAttribute("ctx")
    String contextPath(HttpServletRequest req) {
        return req.getContextPath();
    }

    @GetMapping("/public/circulars")
    String list(Model model) {
        model.addAttribute("circulars", ladder.publishedCirculars());
        return "escalation/public/circulars";
    }

    @GetMapping("/public/circulars/{id}")
    String circular(@PathVariable long id, Model model) {
        model.addAttribute("doc", find(id));
        model.addAttribute("type", Documents.Type.circular.name());
        return "escalation/public/circular";
    }

    @GetMapping("/public/circulars/{id}/document.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Views.Circular c = find(id);
        return Downloads.pdf(c.number() + "-" + c.companyName() + ".pdf", documents.pdf(Documents.Type.circular, c));
    }

    private Views.Circular find(long id) {
        return ladder.findCircular(id).orElseThrow(() -> new NotFoundException("通报不存在"));
    }
}
