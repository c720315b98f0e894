package cn.kaoping.scheme.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.kaoping.scheme.engine.Item.Mode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeYamlTests {

    private static List<SchemeProblem> problems(String yaml) {
        SchemeFormatException e = catchThrowableOfType(SchemeFormatException.class,
                () -> SchemeYaml.read("upload.yaml", yaml));
        assertThat(e).as("expected the scheme to be rejected").isNotNull();
        return e.problems();
    }

    private static final String MALFORMED = """
            code: Bad Code
            version: one
            title: 坏方案
            max: 10
            grades:
              - {code: GOOD, label: 良好, min: 60}
              - {code: EXCELLENT, label: 优秀, min: 90}
            items:
              - code: "1"
                title: 测试项
                max: 4
                mode: deduct
                colour: red
                rules:
                  - {code: "1.a", kind: per-occurence, label: 缺项, points: -0.5}
                  - {code: "1.b", kind: condition, points: -1}
                  - {code: "1.a", kind: tiered, label: 满意度, tiers: [{min: 0.5, points: 1}, {min: 0.8, points: 2}]}
                  - {code: "1.c", kind: milestone, label: 报送, due: 2020-13-01, late: 1}
            """;

    @Test
    void reportsEveryProblemOfAMalformedSchemeWithFileLineAndField() {
        List<SchemeProblem> problems = problems(MALFORMED);

        assertThat(problems).extracting(SchemeProblem::line, SchemeProblem::field).contains(
                org.assertj.core.groups.Tuple.tuple(1, "code"),
                org.assertj.core.groups.Tuple.tuple(2, "version"),
                org.assertj.core.groups.Tuple.tuple(7, "grades[1].min"),
                org.assertj.core.groups.Tuple.tuple(13, "items[0].colour"),
                org.assertj.core.groups.Tuple.tuple(15, "items[0].rules[0].kind"),
                org.assertj.core.groups.Tuple.tuple(16, "items[0].rules[1].label"),
                org.assertj.core.groups.Tuple.tuple(17, "items[0].rules[2].code"),
                org.assertj.core.groups.Tuple.tuple(17, "items[0].rules[2].tiers[1].min"),
                org.assertj.core.groups.Tuple.tuple(18, "items[0].rules[3].due"),
                org.assertj.core.groups.Tuple.tuple(18, "items[0].rules[3].late"));
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("upload.yaml"));
        assertThat(problems).filteredOn(p -> p.field().equals("items[0].colour"))
                .extracting(SchemeProblem::message).containsExactly("未知字段");
        assertThat(problems).filteredOn(p -> p.field().equals("items[0].rules[0].kind"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("per-occurence"));
    }

    @Test
    void reportsAMaxThatDisagreesWithTheSumOfItems() {
        List<SchemeProblem> problems = problems("""
                code: sum
                version: 1
                title: 分值不符
                max: 10
                items:
                  - code: "1"
                    title: 一项
                    max: 4
                    rules:
                      - {code: "1", kind: condition, label: 缺项, points: -4}
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.field()).isEqualTo("max");
            assertThat(p.message()).contains("10").contains("4");
        });
    }

    @Test
    void reportsASyntaxErrorWithItsLineInsteadOfAStackTrace() {
        List<SchemeProblem> problems = problems("""
                code: broken
                version: 1
                title: [unclosed
                max: 100
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
            assertThat(p.message()).startsWith("YAML 语法错误");
        });
    }

    @Test
    void reportsAnEmptyDocument() {
        assertThat(problems("")).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("文件为空"));
    }

    @Test
    void reportsMissingRequiredFieldsAndPartWeightsNotAddingToOneHundred() {
        List<SchemeProblem> problems = problems("""
                code: parts
                version: 1
                max: 100
                parts:
                  - {code: a, title: 甲, weight: 50}
                  - {code: b, title: 乙, weight: 30, floor: 120}
                """);

        assertThat(problems).extracting(SchemeProblem::field, SchemeProblem::line).contains(
                org.assertj.core.groups.Tuple.tuple("title", 1),
                org.assertj.core.groups.Tuple.tuple("parts[1].floor", 6),
                org.assertj.core.groups.Tuple.tuple("parts", 5));
    }

    @Test
    void loadsAMinimalSchemeWithDefaults() {
        Scheme scheme = SchemeYaml.read("min.yaml", """
                code: minimal
                version: 2
                title: 最小方案
                max: 2
                items:
                  - code: "1"
                    title: 一项
                    max: 2
                    rules:
                      - {code: "1", kind: per-occurrence, label: 缺项, points: -0.5}
                """);

        assertThat(scheme.version()).isEqualTo(2);
        assertThat(scheme.items().get(0).mode()).isEqualTo(Mode.DEDUCT);
        assertThat(scheme.items().get(0).rules().get(0)).isEqualTo(
                new PerOccurrence("1", "缺项", null, new BigDecimal("-0.5"), null));
    }

    @Test
    void roundTripsEveryBuiltInScheme() {
        for (Scheme scheme : BuiltInSchemes.load()) {
            String yaml = SchemeYaml.write(scheme);

            assertThat(SchemeYaml.read(scheme.code() + ".yaml", yaml)).as(scheme.code()).isEqualTo(scheme);
        }
    }

    @Test
    void writesReadableYamlWithChineseTextAndCodesKeptAsText() {
        String yaml = SchemeYaml.write(SchemeFixture.ERQI);

        assertThat(yaml).contains("code: erqi-old-estate")
                .contains("title: 签订正式物业管理服务合同")
                .contains("code: '2'")
                .doesNotContain("\\u");
        assertThat(SchemeYaml.read("erqi.yaml", yaml).item("2").orElseThrow().code()).isEqualTo("2");
    }

    @Test
    void roundTripsAHandBuiltSchemeUsingEveryRuleKindAndOptionalField() {
        Item item = new Item("1", "各类规则", "组", "区住建局", new BigDecimal("20"), Mode.EARN, "seed 999", "标准",
                List.of(
                        new PerOccurrence("1.a", "按次", "处", new BigDecimal("-0.25"), new BigDecimal("2")),
                        new Bonus("1.b", "加分", null, new BigDecimal("1.50"), null),
                        new Condition("1.c", "条件", new BigDecimal("3")),
                        new Milestone("1.d", "节点", java.time.LocalDate.of(2021, 1, 31), Milestone.Repeat.MONTHLY,
                                java.time.LocalDate.of(2021, 6, 30), new BigDecimal("-1"), null, true),
                        new Tiered("1.e", "数值", Tiered.Measure.NUMBER, null,
                                List.of(new Tiered.Tier(new BigDecimal("90"), new BigDecimal("5")))),
                        new PeerRank("1.f", "排名", List.of(new BigDecimal("-3"), new BigDecimal("-1.5")))));
        Scheme scheme = new Scheme("every-kind", 3, "全部", "来源: 测试 #1", new BigDecimal("20"),
                new BigDecimal("12"), java.util.Map.of("note", "yes: no"), List.of(
                new GradeBand("A", "甲", new BigDecimal("10"))), List.of(item), null,
                List.of(new Veto("veto.1", "否决")));

        assertThat(SchemeYaml.read("x.yaml", SchemeYaml.write(scheme))).isEqualTo(scheme);
    }
}
