package cn.kaoping.casework.randomcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 双随机 check's state machine (seed 003 二、(一)7: 名录冻结 → 抽取 → 记录检查结果 → 公开): drawn once, results
 * recorded only for drawn objects from the draw's day on, each published once; a step out of turn is refused.
 */
class RandomCheckLifecycleTests {

    /** 1 December 00:30 in China, still 30 November in UTC. */
    private static final OffsetDateTime DRAWN_AT = OffsetDateTime.of(2026, 12, 1, 0, 30, 0, 0, ZoneOffset.ofHours(8));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    @Test
    void aFrozenCheckIsDrawnOnceWithItsSeedAndPairs() {
        RandomCheck frozen = check(RandomCheckStatus.FROZEN);
        assertThat(frozen.drawn()).isFalse();
        RandomCheck drawn = frozen.draw("s3cret|2026-12-01T00:30:00+08:00", "[{\"object\":1}]", DRAWN_AT);
        assertThat(drawn.status()).isEqualTo(RandomCheckStatus.DRAWN);
        assertThat(drawn.drawn()).isTrue();
        assertThat(drawn.seed()).isEqualTo("s3cret|2026-12-01T00:30:00+08:00");
        assertThat(drawn.pairs()).isEqualTo("[{\"object\":1}]");
        assertThat(drawn.drawnAt()).isEqualTo(DRAWN_AT);
        assertThat(drawn).usingRecursiveComparison().ignoringFields("status", "seed", "pairs", "drawnAt")
                .isEqualTo(frozen);
        assertThatThrownBy(() -> drawn.draw("again", "[]", DRAWN_AT.plusHours(1)))
                .isInstanceOf(ConflictException.class).hasMessage("已经抽取");
    }

    @Test
    void resultsAreRecordedOnlyForDrawnObjectsOfADrawnCheck() {
        List<String> chosen = List.of("E1", "E2");
        assertThatThrownBy(() -> check(RandomCheckStatus.FROZEN).requireRecordable(chosen, "E1", TODAY, TODAY))
                .isInstanceOf(ValidationException.class).extracting(RandomCheckLifecycleTests::field)
                .isEqualTo("objectId");
        RandomCheck drawn = check(RandomCheckStatus.DRAWN);
        assertThatThrownBy(() -> drawn.requireRecordable(chosen, "E3", TODAY, TODAY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("只能记录本次抽中的检查对象");
        drawn.requireRecordable(chosen, "E2", TODAY, TODAY);
    }

    @Test
    void theInspectionDayRunsFromTheDrawsDayInChinaToToday() {
        RandomCheck drawn = check(RandomCheckStatus.DRAWN);
        List<String> chosen = List.of("E1");
        drawn.requireRecordable(chosen, "E1", LocalDate.of(2026, 12, 1), TODAY);
        for (LocalDate wrong : new LocalDate[] {LocalDate.of(2026, 11, 30), TODAY.plusDays(1), null}) {
            assertThatThrownBy(() -> drawn.requireRecordable(chosen, "E1", wrong, TODAY)).as("inspected %s", wrong)
                    .isInstanceOf(ValidationException.class).extracting(RandomCheckLifecycleTests::field)
                    .isEqualTo("inspectedOn");
        }
    }

    @Test
    void aResultIsPublishedOnceAndIsLateOnlyAfterItsDeadline() {
        CheckResult recorded = new CheckResult(1, "E1", LocalDate.of(2026, 12, 2), false, "消防通道堵塞", null,
                LocalDate.of(2026, 12, 30), null, "hedong_admin");
        assertThat(recorded.late(LocalDate.of(2026, 12, 30))).isFalse();
        assertThat(recorded.late(LocalDate.of(2026, 12, 31))).isTrue();
        CheckResult published = recorded.publish(LocalDate.of(2026, 12, 30));
        assertThat(published.publishedOn()).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(published.late(LocalDate.of(2027, 3, 1))).as("published by the deadline stays in time").isFalse();
        assertThat(recorded.publish(LocalDate.of(2026, 12, 31)).late(TODAY)).isTrue();
        assertThatThrownBy(() -> published.publish(LocalDate.of(2026, 12, 31)))
                .isInstanceOf(ConflictException.class).hasMessage("没有待公开的检查结果");
    }

    private static String field(Throwable e) {
        return ((ValidationException) e).problems().get(0).field();
    }

    private static RandomCheck check(RandomCheckStatus status) {
        boolean drawn = status == RandomCheckStatus.DRAWN;
        return new RandomCheck(7, 2, "/1/2/", "河东区", "2026 年第四季度双随机抽查", 2, "[]", "[]", "[]", "oh", "ih",
                "commit", "s3cret", drawn ? "s3cret|x" : null, drawn ? "[]" : null, status, "hedong_admin",
                DRAWN_AT.minusDays(1), drawn ? DRAWN_AT : null);
    }
}
