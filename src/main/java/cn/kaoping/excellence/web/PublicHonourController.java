package cn.kaoping.excellence.web;

import cn.kaoping.excellence.campaign.HonourStore;
import cn.kaoping.excellence.campaign.Publication;
import cn.kaoping.platform.web.Downloads;
import cn.kaoping.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public side of a campaign (seed 002 二、5–6): the proposed results during 公示 (with the objection deadline) and
 * the published result with its document. Nothing before 公示 is public.
 */
@Controller
@RequestMapping("/public/honours")
class PublicHonourController {

    private final HonourStore store;
    private final Publication publication;
    private final cn.kaoping.excellence.campaign.ResultDocx docx;

    PublicHonourController(HonourStore store, Publication publication,
                           cn.kaoping.excellence.campaign.ResultDocx docx) {
        this.store = store;
        this.publication = publication;
        this.docx = docx;
    }

    @GetMapping("/campaigns/{id:\\d+}/result.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        HonourStore.Campaign c = visible(id);
        if (!c.published()) {
            throw new NotFoundException("复评结果尚未公布");
        }
        return Downloads.docx(c.title() + "结果.docx", docx.docx(c));
    }

    @GetMapping("/campaigns/{id:\\d+}")
    String show(@PathVariable long id, Model model, HttpServletRequest request) {
        HonourStore.Campaign c = visible(id);
        model.addAttribute("ctx", request.getContextPath());
        model.addAttribute("c", c);
        model.addAttribute("entries", store.entries(id));
        model.addAttribute("objectionsUntil", Publication.objectionsUntil(c));
        return "excellence/public";
    }

    @GetMapping("/campaigns/{id:\\d+}/result.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        HonourStore.Campaign c = visible(id);
        if (!c.published()) {
            throw new NotFoundException("复评结果尚未公布");
        }
        return Downloads.pdf(c.title() + "结果.pdf", publication.resultPdf(c));
    }

    private HonourStore.Campaign visible(long id) {
        return store.campaign(id).filter(c -> !c.open())
                .orElseThrow(() -> new NotFoundException("复评结果尚未公示"));
    }
}
