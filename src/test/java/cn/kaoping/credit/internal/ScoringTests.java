package cn.kaoping.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.credit.CreditKind;
import cn.kaoping.credit.CreditRecord;
import cn.kaoping.credit.CreditScore;
import cn.kaoping.credit.Direction;
import cn.kaoping.credit.SubjectType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credit score by the shipped rule set (credit/rules/v1.yml) from known records, years 2100–2102. */
class ScoringTests {

    private final RuleSet rules = new RuleSets().on(LocalDate.of(2100, 1, 1));
    private long ids = 0;

    private CreditRecord record(CreditKind kind, Direction d, LocalDate on, String status) {
        ids++;
        return CreditRecord.builder().id(ids).subjectType(SubjectType.COMPANY).subjectId(7).subjectName("甲物业")
                .companyId(7).companyName("甲物业").direction(d).kind(kind).source("T:" + ids).sourceEvent("T")
                .occurredOn(on).description(kind + " " + on).validFrom(on).validUntil(rules.validUntil(kind, d, on))
                .ruleVersion(rules.version()).status(status).enteredBy("t").enteredByName("t").build();
    }

    private CreditRecord bad(CreditKind kind, LocalDate on) {
        return record(kind, Direction.BAD, on, "ACTIVE");
    }

    private CreditScore score(List<CreditRecord> records, LocalDate asOf) {
        return Scoring.score(SubjectType.COMPANY, 7, "甲物业", records, rules, asOf);
    }

    @Test
    void aKnownSetOfRecordsGivesTheExactTotalWithOneExplanationLinePerRecord() {
        List<CreditRecord> records = List.of(
                bad(CreditKind.CIRCULAR, LocalDate.of(2100, 3, 1)),
                bad(CreditKind.PENALTY, LocalDate.of(2100, 5, 10)),
                bad(CreditKind.VERIFIED_COMPLAINT, LocalDate.of(2100, 6, 1)),
                record(CreditKind.TOP_RANK, Direction.GOOD, LocalDate.of(2100, 7, 1), "ACTIVE"),
                record(CreditKind.OTHER, Direction.BAD, LocalDate.of(2100, 8, 1), "CONTESTED"),
                record(CreditKind.INTERVIEW, Direction.BAD, LocalDate.of(2100, 9, 1), "ANNULLED"));
        CreditScore s = score(records, LocalDate.of(2100, 12, 31));

        // 100 − 5 − 10 − 1.5 + 2 − 1 = 84.50; the annulled interview does not count
        assertThat(s.score()).isEqualByComparingTo("84.50");
        assertThat(s.score().toPlainString()).isEqualTo("84.50");
        assertThat(s.lines()).extracting(l -> l.kind() + " " + l.points().toPlainString() + " " + l.rule())
                .containsExactly(
                        "CIRCULAR -5.00 被区房产主管部门通报，每次扣 5 分",
                        "PENALTY -10.00 受到处罚，每次扣 10 分",
                        "VERIFIED_COMPLAINT -1.50 投诉经查属实，每件扣 1.5 分",
                        "TOP_RANK 2.00 年度考评排名进入区前列，每次加 2 分",
                        "OTHER -1.00 其他不良信息（含整改验收不合格、整改重新打开），每条扣 1 分");
        assertThat(s.lines().get(4).contested()).isTrue();
        assertThat(s.skipped()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(CreditKind.INTERVIEW);
            assertThat(x.why()).isEqualTo("ANNULLED");
        });
        assertThat(s.ruleVersion()).isEqualTo(1);
        assertThat(s.base()).isEqualByComparingTo("100");
    }

    @Test
    void aRecordCountsOnItsLastValidDayButNotTheDayAfter() {
        CreditRecord circular = bad(CreditKind.CIRCULAR, LocalDate.of(2101, 3, 15));
        assertThat(circular.validUntil()).isEqualTo(LocalDate.of(2102, 3, 14));

        CreditScore lastDay = score(List.of(circular), LocalDate.of(2102, 3, 14));
        CreditScore dayAfter = score(List.of(circular), LocalDate.of(2102, 3, 15));

        assertThat(lastDay.score()).isEqualByComparingTo("95");
        assertThat(lastDay.lines()).hasSize(1);
        assertThat(dayAfter.score()).isEqualByComparingTo("100");
        assertThat(dayAfter.lines()).isEmpty();
        assertThat(dayAfter.skipped()).singleElement().satisfies(x -> assertThat(x.why()).isEqualTo("EXPIRED"));
    }

    @Test
    void aRecordDatedAfterTheScoreDateIsNotPartOfTheScore() {
        CreditScore s = score(List.of(bad(CreditKind.PENALTY, LocalDate.of(2102, 1, 1))), LocalDate.of(2101, 12, 31));
        assertThat(s.score()).isEqualByComparingTo("100");
        assertThat(s.lines()).isEmpty();
    }

    @Test
    void theScoreIsClampedBetweenZeroAndTheBonusCap() {
        List<CreditRecord> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(bad(CreditKind.ADMINISTRATIVE_PENALTY, LocalDate.of(2100, 1, 1 + i)));
        }
        CreditScore low = score(many, LocalDate.of(2100, 6, 30));
        assertThat(low.raw()).isEqualByComparingTo("-20");
        assertThat(low.score()).isEqualByComparingTo("0");
        assertThat(low.clamped()).isTrue();

        List<CreditRecord> honours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            honours.add(record(CreditKind.HONOUR, Direction.GOOD, LocalDate.of(2100, 2, 1 + i), "ACTIVE"));
        }
        CreditScore high = score(honours, LocalDate.of(2100, 6, 30));
        assertThat(high.raw()).isEqualByComparingTo("115");
        assertThat(high.score()).isEqualByComparingTo("110");
    }

    @Test
    void everyKindAndDirectionARecordMayHaveHasARuleLine() {
        for (CreditKind k : CreditKind.values()) {
            for (Direction d : Direction.values()) {
                if (k.allows(d)) {
                    assertThat(rules.line(k, d)).as(k + "/" + d).isPresent();
                    assertThat(rules.line(k, d).get().points().signum())
                            .isEqualTo(d == Direction.GOOD ? 1 : -1);
                }
            }
        }
        assertThat(rules.ceiling()).isEqualByComparingTo(new BigDecimal("110"));
    }
}
