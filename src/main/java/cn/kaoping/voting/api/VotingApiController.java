package cn.kaoping.voting.api;

import cn.kaoping.voting.internal.CountRoll;
import cn.kaoping.voting.internal.CountRoll.UnitInput;
import cn.kaoping.voting.rules.Tally;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The owner-vote tally as a public function for any signed-in user (民法典 第二百七十八条). */
@RestController
@RequestMapping("/api/v1/voting")
@Tag(name = "voting", description = "业主共同决定：按专有部分面积和人数双重计票（民法典第二百七十八条）")
@SecurityRequirement(name = "bearer")
class VotingApiController {

    private final CountRoll counter;

    VotingApiController(CountRoll counter) {
        this.counter = counter;
    }

    /** What the caller sends: the matter (item 1–9 of art. 278) and every unit of the roll with its ballot. */
    record TallyRequest(Integer matter, List<UnitInput> units) {
    }

    /** The count, with the law's thresholds and the exact comparisons in {@code reasons}. */
    record TallyJson(int matter, String matterLabel, boolean quorumMet, boolean passed, Map<String, Object> headcount,
                     Map<String, Object> area, List<String> reasons) {

        static TallyJson of(Tally t) {
            return new TallyJson(t.matter().item(), t.matter().label(), t.quorumMet(), t.passed(),
                    counts(t.headcount()), counts(t.area()), t.reasons());
        }

        private static Map<String, Object> counts(Tally.Counts<?> c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", c.total());
            m.put("voted", c.voted());
            m.put("for", c.consent());
            m.put("against", c.against());
            m.put("abstain", c.abstain());
            return m;
        }
    }

    @Operation(summary = "按民法典第二百七十八条计票：参与表决达到面积和人数三分之二以上，第六至八项四分之三以上同意，其他事项过半数同意")
    @PostMapping("/tally")
    TallyJson tally(@RequestBody TallyRequest request) {
        return TallyJson.of(counter.count(request == null ? null : request.matter(),
                request == null ? null : request.units()));
    }
}
