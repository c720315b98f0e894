package cn.kaoping.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import org.junit.jupiter.api.Test;

/** Who opens, helps with, closes and sees surveys, without Spring. */
class SurveyAccessTests {

    private static final String DISTRICT = "/1/2/";
    private static final String STREET = "/1/2/3/";
    private static final String OTHER_STREET = "/1/2/4/";

    private static KaopingPrincipal as(Role role, String path) {
        return new KaopingPrincipal(1, "u", "u", role, path == null ? null : 9L, path, null, null);
    }

    @Test
    void streetOfficesDistrictsAndTheCityOpenSurveysAndResidentsCommitteesOnlyHelp() {
        for (Role r : new Role[] {Role.SYSTEM_ADMIN, Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.STREET_OFFICER}) {
            assertThat(SurveyAccess.organises(as(r, STREET))).as(r.name()).isTrue();
            assertThat(SurveyAccess.helps(as(r, STREET))).as(r.name()).isTrue();
        }
        assertThat(SurveyAccess.organises(as(Role.COMMUNITY_STAFF, STREET))).isFalse();
        assertThat(SurveyAccess.helps(as(Role.COMMUNITY_STAFF, STREET))).isTrue();
        for (Role r : new Role[] {Role.DISTRICT_DEPT, Role.ASSOCIATION, Role.EXPERT}) {
            assertThat(SurveyAccess.organises(as(r, STREET))).as(r.name()).isFalse();
            assertThat(SurveyAccess.helps(as(r, STREET))).as(r.name()).isFalse();
        }
        assertThat(SurveyAccess.helps(as(Role.COMPANY_USER, null))).isFalse();
        assertThat(SurveyAccess.helps(as(Role.COMMITTEE_MEMBER, null))).isFalse();
    }

    @Test
    void theUnitThatOpenedASurveyOrOneAboveClosesItButNotOneBesideOrBelow() {
        assertThat(SurveyAccess.closes(as(Role.STREET_OFFICER, STREET), STREET)).isTrue();
        assertThat(SurveyAccess.closes(as(Role.DISTRICT_ADMIN, DISTRICT), STREET)).isTrue();
        assertThat(SurveyAccess.closes(as(Role.STREET_OFFICER, OTHER_STREET), STREET)).isFalse();
        assertThat(SurveyAccess.closes(as(Role.STREET_OFFICER, STREET), DISTRICT)).isFalse();
        assertThat(SurveyAccess.closes(as(Role.COMMUNITY_STAFF, STREET), STREET))
                .as("a residents' committee helps but does not close").isFalse();
    }

    @Test
    void regionalUsersSeeTheEstatesUnderTheirRegionAndCompaniesAndCommitteesNone() {
        assertThat(SurveyAccess.scope(as(Role.STREET_OFFICER, STREET))).isEqualTo("/1/2/3/%");
        assertThat(SurveyAccess.scope(as(Role.COMPANY_USER, null))).isEqualTo("-");
        assertThat(SurveyAccess.scope(as(Role.COMMITTEE_MEMBER, null))).isEqualTo("-");
    }

    @Test
    void theStaffWhoCollectAnswersAreRemindedOfEstatesBelowTheThreshold() {
        for (Role r : new Role[] {Role.STREET_OFFICER, Role.COMMUNITY_STAFF, Role.DISTRICT_ADMIN, Role.CITY_ADMIN}) {
            assertThat(SurveyAccess.collects(as(r, STREET))).as(r.name()).isTrue();
        }
        assertThat(SurveyAccess.collects(as(Role.SYSTEM_ADMIN, STREET))).isFalse();
        assertThat(SurveyAccess.collects(as(Role.DISTRICT_DEPT, STREET))).isFalse();
    }

    @Test
    void aRefusalIsA403WithItsMessage() {
        SurveyAccess.require(true, "不会出现");
        assertThatThrownBy(() -> SurveyAccess.require(false, "您的角色不能作废答卷"))
                .isInstanceOf(ForbiddenException.class).hasMessage("您的角色不能作废答卷");
    }
}
