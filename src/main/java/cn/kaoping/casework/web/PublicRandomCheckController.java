package cn.kaoping.casework.web;

import cn.kaoping.casework.randomcheck.RandomCheck;
import cn.kaoping.casework.randomcheck.RandomCheckStore;
import cn.kaoping.casework.randomcheck.RunRandomCheck;
import cn.kaoping.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 一公开 (seed 003 二、(一)7): every frozen check's lists, hashes and commitment, once drawn the secret, the seed and the
 * pairs, and the inspection results the district has published; the record as JSON for
 * {@code scripts/verify-draw.py}. No sign-in.
 */
@Controller
@RequestMapping("/public/random-checks")
class PublicRandomCheckController {

    private final RunRandomCheck checks;
    private final RandomCheckStore store;

    PublicRandomCheckController(RunRandomCheck checks, RandomCheckStore store) {
        this.checks = checks;
        this.store = store;
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable long id, Model model, HttpServletRequest request) {
        RandomCheck c = store.check(id).orElseThrow(() -> new NotFoundException("抽查不存在"));
        model.addAttribute("ctx", request.getContextPath());
        model.addAttribute("c", c);
        model.addAttribute("record", checks.publicRecord(c));
        model.addAttribute("records", store.records(id).stream().filter(r -> r.publishedOn() != null).toList());
        return "casework/random-check-public";
    }

    @GetMapping(value = "/{id:\\d+}/record.json", produces = "application/json")
    @ResponseBody
    RunRandomCheck.PublicRecord record(@PathVariable long id) {
        return checks.publicRecord(store.check(id).orElseThrow(() -> new NotFoundException("抽查不存在")));
    }
}
