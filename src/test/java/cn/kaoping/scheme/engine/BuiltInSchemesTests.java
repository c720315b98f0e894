package cn.kaoping.scheme.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInSchemesTests {

    @Test
    void loadsTheFiveBuiltInSchemesUnderTheirPublicCodes() {
        assertThat(BuiltInSchemes.load()).extracting(Scheme::code).containsExactly(
                "erqi-old-estate", "xigang-street-2020", "hangzhou-reeval-2018",
                "shenyang-professional", "shenyang-basic");
    }

    @Test
    void refusesAnUnknownBuiltInCode() {
        assertThatThrownBy(() -> BuiltInSchemes.load("beijing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyItemTableAddsUpToOneHundredPoints() {
        for (Scheme scheme : BuiltInSchemes.load()) {
            if (scheme.composite()) {
                continue;
            }
            BigDecimal sum = scheme.items().stream().map(Item::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(scheme.code()).isEqualByComparingTo("100");
            assertThat(scheme.max()).as(scheme.code()).isEqualByComparingTo("100");
        }
    }

    @Test
    void everyItemCitesTheSeedItComesFrom() {
        for (Scheme scheme : BuiltInSchemes.load()) {
            for (Item item : scheme.items()) {
                assertThat(item.seed()).as(scheme.code() + " " + item.code()).matches("seed 00[0-4], .+");
                assertThat(item.standard()).as(scheme.code() + " " + item.code()).isNotBlank();
            }
        }
    }

    @Test
    void erqiHasTwentyRowsWithThePublishedRuleCodes() {
        Scheme erqi = BuiltInSchemes.load("erqi-old-estate");
        assertThat(erqi.items()).extracting(Item::code).containsExactly(
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
                "11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
        assertThat(erqi.rules()).extracting(Rule::code).containsExactly(
                "1.a", "1.b", "2", "3", "4", "5", "6", "7", "8", "9.a", "9.b", "10.a", "10.b", "10.c",
                "11.a", "11.b", "12", "13.a", "13.b", "13.c", "14", "15", "16", "17", "18", "19", "20");
        assertThat(groupMax(erqi)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "基础工作", new BigDecimal("20"), "党建工作", new BigDecimal("15"), "公共秩序", new BigDecimal("20"),
                "保洁绿化", new BigDecimal("20"), "设施设备", new BigDecimal("15"), "居民满意度", new BigDecimal("10")));
        assertThat(erqi.grades()).extracting(GradeBand::label).containsExactly("优秀", "良好", "合格", "不合格");
    }

    @Test
    void xigangHasTheTimeNodesAndRuleCodesOfTheIssueAndSplits85BasicAnd15Key() {
        Scheme xigang = BuiltInSchemes.load("xigang-street-2020");
        assertThat(xigang.items()).extracting(Item::code).containsExactly(
                "1", "2.1", "2.2", "2.3", "3", "4", "5", "6.1", "6.2", "6.3", "7.1", "7.2", "7.3", "7.4",
                "8", "9", "10", "11", "12", "13", "14", "15", "16.1", "16.2", "16.3", "17.1", "17.2", "18");
        assertThat(xigang.rules()).extracting(Rule::code).containsExactly(
                "1", "2.1", "2.2", "2.3.a", "2.3.b", "3.a", "3.b", "3.c", "4.a", "4.b", "4.c",
                "5.a", "5.b", "5.c", "6.1", "6.2", "6.3.a", "6.3.b", "7.1.a", "7.1.b", "7.1.c", "7.2", "7.3", "7.4",
                "8", "9", "10.a", "10.b", "11", "12.a", "12.b", "12.c", "12.d", "13.a", "13.b",
                "14", "15.a", "15.b", "16.1", "16.2", "16.3", "17.1", "17.2", "18");
        Map<String, BigDecimal> groups = groupMax(xigang);
        assertThat(groups.get("基本工作")).isEqualByComparingTo("85");
        assertThat(groups.get("重点工作")).isEqualByComparingTo("15");
    }

    @Test
    void hangzhouWeighsThreePartsWithFloorsAndListsSixVetoes() {
        Scheme hangzhou = BuiltInSchemes.load("hangzhou-reeval-2018");
        assertThat(hangzhou.parts()).extracting(Part::code, p -> p.weight().intValue(), p -> p.floor().intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("owner-satisfaction", 50, 75),
                        org.assertj.core.groups.Tuple.tuple("expert", 30, 80),
                        org.assertj.core.groups.Tuple.tuple("committee", 20, 90));
        assertThat(hangzhou.passMark()).isEqualByComparingTo("80");
        assertThat(hangzhou.vetoes()).extracting(Veto::code)
                .containsExactly("veto.1", "veto.2", "veto.3", "veto.4", "veto.5", "veto.6");
    }

    @Test
    void shenyangTablesAreEditableExamplesOverTheFourDimensionsWithTheSpecRankingSettings() {
        for (String code : List.of("shenyang-professional", "shenyang-basic")) {
            Scheme scheme = BuiltInSchemes.load(code);
            assertThat(scheme.setting("label")).as(code).contains("示例标准，可修改");
            assertThat(groupMax(scheme).keySet()).as(code)
                    .containsExactlyInAnyOrder("合同履约", "投诉处置", "红色物业建设", "政府工作落实");
            assertThat(scheme.settings()).as(code).containsEntry("ranking.half-year", "mean-of-quarters")
                    .containsEntry("ranking.year", "mean-of-four-quarters")
                    .containsEntry("ranking.separate-by-category", "true")
                    .containsEntry("satisfaction.combine", "beside")
                    .containsEntry("satisfaction.min-response-rate", "0.30");
        }
        assertThat(BuiltInSchemes.load("shenyang-professional").setting("category")).contains("PROFESSIONAL");
        assertThat(BuiltInSchemes.load("shenyang-basic").setting("category")).contains("BASIC");
    }

    private static Map<String, BigDecimal> groupMax(Scheme scheme) {
        return scheme.items().stream().collect(Collectors.groupingBy(Item::group,
                Collectors.reducing(BigDecimal.ZERO, Item::max, BigDecimal::add)));
    }
}
