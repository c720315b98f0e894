package cn.kaoping.casework.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A joint meeting 联席会议 (seed 003 二、(一)2; issue 14): the street office convenes the units, records the minutes with
 * each decision's unit and deadline, the decisions are tracked to done (and on the street's first screen until then),
 * the minutes PDF opens, and another street sees nothing.
 */
@IntegrationTest
class JointMeetingTests {

    @LocalServerPort
    int port;
    @Autowired
    JointMeetings meetings;
    @Autowired
    MeetingWorkItems work;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void theStreetConvenesMinutesAndSeesEachDecisionDone() {
        RegionRef street = directory.regionByCode("QH-HD-DF").orElseThrow();
        KaopingPrincipal officer = new KaopingPrincipal(0, "street_df", "东风街道", Role.STREET_OFFICER, street.id(),
                street.path(), null, null);
        LocalDate day = meetings.today();
        assertThatThrownBy(() -> meetings.convene(officer, "", day, null, List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).contains("topic", "units"));
        long id = meetings.convene(officer, "万象府邸供暖不达标和电梯停运", day, "东风街道三楼会议室",
                List.of("HEATING", "HOUSING", "COMPANY", "OWNERS"));
        assertThatThrownBy(() -> meetings.minute(officer, id, "纪要", List.of("HEATING"), List.of(
                new JointMeetings.DecisionForm("室温不达标", "三日内排查管网", "POLICE", day.plusDays(3)))))
                .as("a unit that was not invited").hasMessageContaining("负责落实");
        meetings.minute(officer, id, "各单位通报情况，议定如下。", List.of("HEATING", "COMPANY", "OWNERS"), List.of(
                new JointMeetings.DecisionForm("室温不达标", "供热单位三日内排查二次管网并回复", "HEATING", day.plusDays(3)),
                new JointMeetings.DecisionForm("电梯停运", "物业服务企业七日内完成维修，业委会监督", "COMPANY",
                        day.plusDays(7))));
        assertThatThrownBy(() -> meetings.minute(officer, id, "再记", List.of(), List.of()))
                .isInstanceOf(ConflictException.class);
        JointMeetings.View v = meetings.get(officer, id);
        assertThat(v.units()).filteredOn(u -> u.code().equals("HOUSING")).singleElement()
                .satisfies(u -> assertThat(u.attended()).isFalse());
        assertThat(v.decisions()).extracting(Meetings.Decision::unitName).containsExactly("供热单位", "物业服务企业");

        List<WorkItem> items = work.itemsFor(officer, day);
        assertThat(items).filteredOn(i -> i.link().equals("/meetings/" + id)).hasSize(2);
        meetings.complete(officer, id, 1, "已更换二次管网阀门，室温 20℃");
        assertThat(work.itemsFor(officer, day)).filteredOn(i -> i.link().equals("/meetings/" + id)).hasSize(1);
        assertThatThrownBy(() -> meetings.complete(officer, id, 1, "again")).isInstanceOf(ConflictException.class);

        Browserless screen = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(screen.get("/meetings/" + id).body()).contains("万象府邸供暖不达标和电梯停运")
                .contains("已更换二次管网阀门").contains("（缺席）");
        HttpResponse<String> pdf = screen.get("/meetings/" + id + "/minutes.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        RegionRef other = directory.regions(cn.kaoping.organisation.RegionLevel.STREET).stream()
                .filter(r -> !r.code().equals("QH-HD-DF")).findFirst().orElseThrow();
        String otherUser = "street_" + other.code().substring(other.code().lastIndexOf('-') + 1).toLowerCase();
        KaopingPrincipal stranger = new KaopingPrincipal(0, otherUser, "其他街道", Role.STREET_OFFICER, other.id(),
                other.path(), null, null);
        assertThatThrownBy(() -> meetings.get(stranger, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.complete(stranger, id, 2, "x")).isInstanceOf(NotFoundException.class);
        assertThat(Browserless.signIn(port, otherUser, Browserless.DEMO_PASSWORD).get("/meetings/" + id)
                .statusCode()).isEqualTo(404);
        KaopingPrincipal district = new KaopingPrincipal(0, "hedong_admin", "河东区", Role.DISTRICT_ADMIN,
                directory.regionByCode("QH-HD").orElseThrow().id(), directory.regionByCode("QH-HD").orElseThrow()
                .path(), null, null);
        assertThat(meetings.list(district)).extracting(Meetings.Meeting::id).contains(id);
        assertThatThrownBy(() -> meetings.complete(district, id, 2, "x")).isInstanceOf(ForbiddenException.class);
    }
}
