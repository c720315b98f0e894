package cn.kaoping.voting.web;

import cn.kaoping.platform.web.FormData;
import cn.kaoping.voting.internal.CountRoll;
import cn.kaoping.voting.rules.Matter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 表决计票试算: an owners' committee pastes a roll and sees how the law counts it, before or after a paper vote. */
@Controller
@RequestMapping("/voting/tally")
class TallyController {

    private final CountRoll counter;

    TallyController(CountRoll counter) {
        this.counter = counter;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", FormData.submitted(Map.of("matter", "4")));
        model.addAttribute("matters", List.of(Matter.values()));
        return "voting/tally";
    }

    @PostMapping
    String count(@RequestParam Map<String, String> params, Model model) {
        FormData form = FormData.submitted(params);
        model.addAttribute("form", form);
        model.addAttribute("matters", List.of(Matter.values()));
        form.submit(() -> counter.count(form.integer("matter"), RollText.parse(form.text("roll"))))
                .ifPresent(t -> model.addAttribute("tally", t));
        return "voting/tally";
    }
}
