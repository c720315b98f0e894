package cn.kaoping.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Who decides which rung (seed 000 line 20), without a database. */
class EscalationAccessTests {

    private static final String HEDONG = "/1/7/";
    private static final String DONGFENG = "/1/7/70/";
    private static final Predicate<String> ESTATE_IN_DONGFENG = DONGFENG::equals;
    private static final Predicate<String> NEVER_ASKED = path -> {
        throw new AssertionError("asked for an estate under " + path);
    };

    private static KaopingPrincipal as(Role role, String path) {
        return new KaopingPrincipal(1, "u", "u", role, 1L, path, null, null);
    }

    @Test
    void theDistrictDecidesEveryRungOfItsLadders() {
        for (SuggestionKind kind : SuggestionKind.values()) {
            assertThat(EscalationAccess.decides(as(Role.DISTRICT_ADMIN, HEDONG), kind, HEDONG, ESTATE_IN_DONGFENG))
                    .as(kind.name()).isTrue();
        }
    }

    @Test
    void anotherDistrictDecidesNothing() {
        assertThat(EscalationAccess.decides(as(Role.DISTRICT_ADMIN, "/1/8/"), SuggestionKind.CIRCULAR, HEDONG,
                NEVER_ASKED)).isFalse();
    }

    @Test
    void aStreetOfficeOfOneOfTheLaddersEstatesDecidesInterviewAndPenaltyButNotCircular() {
        KaopingPrincipal street = as(Role.STREET_OFFICER, DONGFENG);
        assertThat(EscalationAccess.decides(street, SuggestionKind.INTERVIEW, HEDONG, ESTATE_IN_DONGFENG)).isTrue();
        assertThat(EscalationAccess.decides(street, SuggestionKind.PENALTY, HEDONG, ESTATE_IN_DONGFENG)).isTrue();
        assertThat(EscalationAccess.decides(street, SuggestionKind.CIRCULAR, HEDONG, NEVER_ASKED)).isFalse();
    }

    @Test
    void aStreetOfficeWithoutAnEstateOnTheLadderDecidesNothing() {
        assertThat(EscalationAccess.decides(as(Role.STREET_OFFICER, "/1/7/71/"), SuggestionKind.INTERVIEW, HEDONG,
                ESTATE_IN_DONGFENG)).isFalse();
    }

    @Test
    void otherRolesDecideNothing() {
        for (Role role : new Role[] {Role.CITY_ADMIN, Role.DISTRICT_DEPT, Role.COMPANY_USER, Role.COMMITTEE_MEMBER}) {
            assertThat(EscalationAccess.decides(as(role, "/1/"), SuggestionKind.PENALTY, HEDONG, NEVER_ASKED))
                    .as(role.name()).isFalse();
        }
    }

    @Test
    void exitsAreRaisedByAStreetOfficeOrTheDistrictAndCommitteesOnlyReadTheirLetters() {
        assertThat(EscalationAccess.raisesExits(as(Role.STREET_OFFICER, DONGFENG))).isTrue();
        assertThat(EscalationAccess.raisesExits(as(Role.DISTRICT_ADMIN, HEDONG))).isTrue();
        assertThat(EscalationAccess.raisesExits(as(Role.CITY_ADMIN, "/1/"))).isFalse();
        assertThat(EscalationAccess.readsLettersOnly(as(Role.COMMITTEE_MEMBER, DONGFENG))).isTrue();
        assertThat(EscalationAccess.readsLettersOnly(as(Role.STREET_OFFICER, DONGFENG))).isFalse();
    }
}
