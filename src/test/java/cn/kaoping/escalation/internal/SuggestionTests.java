package cn.kaoping.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The suggestion's state machine, without a database: every legal step and every refusal. */
class SuggestionTests {

    private static final OffsetDateTime AT = OffsetDateTime.of(2070, 4, 5, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final String BY = "河东区住建局 李主任";

    private static Suggestion suggestion(SuggestionKind kind, SuggestionStatus status) {
        return new Suggestion(11, 3, 7, "/1/7/", kind, kind == SuggestionKind.CIRCULAR ? null : 5L, status,
                status == SuggestionStatus.DECIDED ? 21L : null, status == SuggestionStatus.OPEN ? null : BY,
                status == SuggestionStatus.OPEN ? null : AT, status == SuggestionStatus.DISMISSED ? "已整改" : null);
    }

    private static Suggestion open(SuggestionKind kind) {
        return suggestion(kind, SuggestionStatus.OPEN);
    }

    @Test
    void aRaisedSuggestionIsOpenAndRegistersItsReason() {
        Suggestion s = Suggestion.raised(11, 3, 7, "/1/7/", SuggestionKind.INTERVIEW, 5L, "通报后逾期仍未销号");
        assertThat(s.status()).isEqualTo(SuggestionStatus.OPEN);
        assertThat(s.open()).isTrue();
        assertThat(s.basisId()).isEqualTo(5L);
        assertThat(s.events()).containsExactly(new SuggestionEvent.Raised("通报后逾期仍未销号"));
        s.clearEvents();
        assertThat(s.events()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SuggestionKind.class)
    void anOpenSuggestionIsDecidedAsItsOwnKindAndPointsToTheNewRung(SuggestionKind kind) {
        Suggestion s = open(kind);
        s.checkDecidable(kind, true);
        s.decide(kind, 42, BY, AT);
        assertThat(s.status()).isEqualTo(SuggestionStatus.DECIDED);
        assertThat(s.open()).isFalse();
        assertThat(s.rungId()).isEqualTo(42L);
        assertThat(s.closedBy()).isEqualTo(BY);
        assertThat(s.closedAt()).isEqualTo(AT);
        assertThat(s.dismissReason()).isNull();
        assertThat(s.events()).containsExactly(new SuggestionEvent.Decided(kind, 42, BY, AT));
    }

    @ParameterizedTest
    @EnumSource(SuggestionKind.class)
    void anOpenSuggestionIsDismissedWithItsReason(SuggestionKind kind) {
        Suggestion s = open(kind);
        s.checkDecidable(kind, true);
        s.dismiss("企业已整改到位", BY, AT);
        assertThat(s.status()).isEqualTo(SuggestionStatus.DISMISSED);
        assertThat(s.dismissReason()).isEqualTo("企业已整改到位");
        assertThat(s.rungId()).isNull();
        assertThat(s.closedBy()).isEqualTo(BY);
        assertThat(s.closedAt()).isEqualTo(AT);
        assertThat(s.events()).containsExactly(new SuggestionEvent.Dismissed("企业已整改到位", BY, AT));
    }

    @Test
    void aSuggestionIsNotDecidedAsAnotherKind() {
        Suggestion s = open(SuggestionKind.INTERVIEW);
        assertThatThrownBy(() -> s.checkDecidable(SuggestionKind.CIRCULAR, true))
                .isInstanceOf(ConflictException.class).hasMessage("这是约谈建议，不能按通报决定");
        assertThatThrownBy(() -> s.decide(SuggestionKind.PENALTY, 42, BY, AT))
                .isInstanceOf(ConflictException.class).hasMessage("这是约谈建议，不能按处罚决定");
        assertUnchanged(s, SuggestionStatus.OPEN);
    }

    @Test
    void anotherKindIsRefusedBeforeAskingWhetherThePersonMayDecide() {
        Suggestion s = open(SuggestionKind.PENALTY);
        assertThatThrownBy(() -> s.checkDecidable(SuggestionKind.INTERVIEW, false))
                .isInstanceOf(ConflictException.class).hasMessage("这是处罚建议，不能按约谈决定");
    }

    @Test
    void aCircularIsTheDistrictsToDecide() {
        Suggestion s = open(SuggestionKind.CIRCULAR);
        assertThatThrownBy(() -> s.checkDecidable(SuggestionKind.CIRCULAR, false))
                .isInstanceOf(ForbiddenException.class).hasMessage("通报由区房产主管部门决定");
        assertUnchanged(s, SuggestionStatus.OPEN);
    }

    @Test
    void anInterviewOrPenaltyIsTheDistrictsOrAStreetOfficesToDecide() {
        assertThatThrownBy(() -> open(SuggestionKind.INTERVIEW).checkDecidable(SuggestionKind.INTERVIEW, false))
                .isInstanceOf(ForbiddenException.class).hasMessage("约谈由街道办事处或区房产主管部门决定");
        assertThatThrownBy(() -> open(SuggestionKind.PENALTY).checkDecidable(SuggestionKind.PENALTY, false))
                .isInstanceOf(ForbiddenException.class).hasMessage("处罚由街道办事处或区房产主管部门决定");
    }

    @Test
    void whoMayDecideIsAskedBeforeWhetherTheSuggestionIsStillOpen() {
        Suggestion s = suggestion(SuggestionKind.CIRCULAR, SuggestionStatus.DECIDED);
        assertThatThrownBy(() -> s.checkDecidable(SuggestionKind.CIRCULAR, false))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @EnumSource(SuggestionKind.class)
    void aDecidedSuggestionIsNeitherDecidedAgainNorDismissed(SuggestionKind kind) {
        Suggestion s = suggestion(kind, SuggestionStatus.DECIDED);
        assertThatThrownBy(() -> s.checkDecidable(kind, true))
                .isInstanceOf(ConflictException.class).hasMessage("该建议已决定，不能再处理");
        assertThatThrownBy(() -> s.decide(kind, 43, "另一人", AT.plusDays(1)))
                .isInstanceOf(ConflictException.class).hasMessage("该建议已决定，不能再处理");
        assertThatThrownBy(() -> s.dismiss("重复", "另一人", AT.plusDays(1)))
                .isInstanceOf(ConflictException.class).hasMessage("该建议已决定，不能再处理");
        assertUnchanged(s, SuggestionStatus.DECIDED);
        assertThat(s.rungId()).isEqualTo(21L);
    }

    @ParameterizedTest
    @EnumSource(SuggestionKind.class)
    void aDismissedSuggestionIsNeitherDecidedNorDismissedAgain(SuggestionKind kind) {
        Suggestion s = suggestion(kind, SuggestionStatus.DISMISSED);
        assertThatThrownBy(() -> s.checkDecidable(kind, true))
                .isInstanceOf(ConflictException.class).hasMessage("该建议已不予采纳，不能再处理");
        assertThatThrownBy(() -> s.decide(kind, 43, "另一人", AT.plusDays(1)))
                .isInstanceOf(ConflictException.class).hasMessage("该建议已不予采纳，不能再处理");
        assertThatThrownBy(() -> s.dismiss("重复", "另一人", AT.plusDays(1)))
                .isInstanceOf(ConflictException.class).hasMessage("该建议已不予采纳，不能再处理");
        assertUnchanged(s, SuggestionStatus.DISMISSED);
        assertThat(s.dismissReason()).isEqualTo("已整改");
    }

    @Test
    void aDismissalWithoutReasonIsRefused() {
        Suggestion s = open(SuggestionKind.CIRCULAR);
        assertThatThrownBy(() -> s.dismiss(" ", BY, AT)).isInstanceOf(IllegalArgumentException.class);
        assertUnchanged(s, SuggestionStatus.OPEN);
    }

    private static void assertUnchanged(Suggestion s, SuggestionStatus status) {
        assertThat(s.status()).isEqualTo(status);
        assertThat(s.events()).isEmpty();
    }
}
