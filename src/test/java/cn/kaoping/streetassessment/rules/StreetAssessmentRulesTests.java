package cn.kaoping.streetassessment.rules;

import cn.kaoping.scheme.engine.Milestone;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.SchemeYaml;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure rules of the street assessment (issue 15): the Xigang table moved into another year, its nodes (quarterly
 * ones per quarter, none before the scheme's issue date), places with ties shared, and row 3.c's rank from survey
 * results with ties. No Spring.
 */
class StreetAssessmentRulesTests {

    static Scheme xigang() throws IOException {
        try (InputStream in = StreetAssessmentRulesTests.class.getResourceAsStream("/schemes/xigang-street-2020.yaml")) {
            return SchemeYaml.read("xigang-street-2020.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theTableMovesIntoTheAssessmentYearDayForDay() throws IOException {
        Scheme moved = YearScheme.of(xigang(), 2026);
        Milestone red = (Milestone) moved.rules().stream().filter(r -> r.code().equals("1")).findFirst().orElseThrow();
        assertThat(red.due()).isEqualTo(LocalDate.of(2026, 9, 15));
        Milestone ledger = (Milestone) moved.rules().stream().filter(r -> r.code().equals("4.a")).findFirst()
                .orElseThrow();
        assertThat(ledger.dueDates()).containsExactly(LocalDate.of(2026, 6, 20), LocalDate.of(2026, 9, 20),
                LocalDate.of(2026, 12, 20));
        assertThat(YearScheme.of(xigang(), 2020)).isEqualTo(xigang());
    }

    @Test
    void everyMilestoneBecomesDatedNodesWithItsDepartmentAndNoneBeforeTheIssueDate() throws IOException {
        List<NodePlan.Node> nodes = NodePlan.of(YearScheme.of(xigang(), 2025), 2025);
        // 1, 2.1, 2.2, 2.3.a, 4.a ×3, 5.a ×3, 6.1, 6.2, 8, 14, 15.a, 16.1, 16.2, 17.1, 17.2
        assertThat(nodes).hasSize(19);
        assertThat(nodes.get(0)).isEqualTo(new NodePlan.Node("16.1", "16.1", "报送信用信息部署落实情况说明", "区住建局",
                LocalDate.of(2025, 5, 6)));
        assertThat(nodes).filteredOn(n -> n.ruleCode().equals("4.a")).extracting(NodePlan.Node::due)
                .as("the scheme was issued on 1 May: no node on 20 March")
                .containsExactly(LocalDate.of(2025, 6, 20), LocalDate.of(2025, 9, 20), LocalDate.of(2025, 12, 20));
        assertThat(nodes).filteredOn(n -> n.ruleCode().startsWith("17.")).extracting(NodePlan.Node::department)
                .containsOnly("区城管执法局");
        assertThat(nodes).extracting(NodePlan.Node::due).isSorted();
    }

    @Test
    void equalValuesShareAPlaceAndTheNextSkips() {
        Map<String, Integer> places = Standings.fromHighest(Map.of("东风", new BigDecimal("96.5"),
                "朝阳", new BigDecimal("94"), "光明", new BigDecimal("96.50"), "西湖", new BigDecimal("90")));
        assertThat(places).containsEntry("东风", 1).containsEntry("光明", 1).containsEntry("朝阳", 3)
                .containsEntry("西湖", 4);
    }

    @Test
    void theWorstUnsatisfactoryShareRanksFirstTiesShareAndNoBadEstateIsNoRank() {
        BigDecimal line = new BigDecimal("60");
        SurveyRank.Result r = SurveyRank.of(Map.of(
                1L, List.of(new BigDecimal("59.99"), new BigDecimal("80")),          // 1 of 2 unqualified
                2L, List.of(new BigDecimal("40"), new BigDecimal("61"), new BigDecimal("55"),
                        new BigDecimal("90")),                                          // 2 of 4: ties with 1
                3L, List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("70")), // 2 of 3: worst
                4L, List.of(new BigDecimal("60"), new BigDecimal("88")),               // exactly at the line: none
                5L, List.of(new BigDecimal("30"), new BigDecimal("75"), new BigDecimal("85"),
                        new BigDecimal("95"))), line);                                  // 1 of 4
        assertThat(r.ranks()).containsEntry(3L, 1).containsEntry(1L, 2).containsEntry(2L, 2).containsEntry(5L, 4)
                .doesNotContainKey(4L);
        assertThat(r.counts().get(2L)).isEqualTo(new SurveyRank.Count(4, 2));
        assertThat(r.counts().get(4L)).isEqualTo(new SurveyRank.Count(2, 0));
    }
}
