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
    @Autowired
    cn.kaoping.casework.complaints.FileComplaint complaints;
    @Autowired
    MinutesDocx minutesDocx;

    @Test
    void theStreetConvenesMinutesAndSeesEachDecisionDone() throws Exception {
        RegionRef street = directory.regionByCode("QH-HD-DF").orElseThrow();
        KaopingPrincipal officer = new KaopingPrincipal(0, "street_df", "东风街道", Role.STREET_OFFICER, street.id(),
                street.path(), null, null);
        LocalDate day = meetings.today();
        RegionRef other = directory.regions(cn.kaoping.organisation.RegionLevel.STREET).stream()
                .filter(r -> !r.code().equals("QH-HD-DF")).findFirst().orElseThrow();
        String otherUser = "street_" + other.code().substring(other.code().lastIndexOf('-') + 1).toLowerCase();
        KaopingPrincipal stranger = new KaopingPrincipal(0, otherUser, "其他街道", Role.STREET_OFFICER, other.id(),
                other.path(), null, null);
        long heating = complaint(officer, "家中室温只有 14 度");
        long foreign = complaint(stranger, "别的街道的投诉");
        assertThatThrownBy(() -> meetings.convene(officer, "", day, null, List.of(), List.of(foreign)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).contains("topic", "units", "complaints"));
        assertThat(meetings.offeredComplaints(officer)).extracting(Meetings.Linked::id).contains(heating)
                .doesNotContain(foreign);
        long id = meetings.convene(officer, "万象府邸供暖不达标和电梯停运", day, "东风街道三楼会议室",
                List.of("HEATING", "HOUSING", "COMPANY", "OWNERS"), List.of(heating));
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
        assertThat(v.decisions()).extracting(MeetingDecision::unitName).containsExactly("供热单位", "物业服务企业");

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
        // the Word minutes: the street office in red over the rule, the complaint, each decision's row
        String word = documentXml(minutesDocx.docx(meetings.get(officer, id)));
        assertThat(word).contains("东风街道办事处").contains("联席会议纪要").contains("到会单位：供热单位、物业服务企业、业主委员会")
                .contains("工单 " + heating).contains("供热单位三日内排查二次管网并回复").contains(day.plusDays(7).toString())
                .doesNotContain("{{").doesNotContain("[issue]");
        assertThat(screen.get("/meetings/" + id + "/minutes.docx").statusCode()).isEqualTo(200);
        // the meeting and the work order link each other
        assertThat(screen.get("/meetings/" + id).body()).contains("id=\"meeting-complaints\"")
                .contains("/complaints/" + heating);
        assertThat(screen.get("/complaints/" + heating).body()).contains("id=\"complaint-meetings\"")
                .contains("/meetings/" + id);
        assertThatThrownBy(() -> meetings.get(stranger, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> meetings.complete(stranger, id, 2, "x")).isInstanceOf(NotFoundException.class);
        assertThat(Browserless.signIn(port, otherUser, Browserless.DEMO_PASSWORD).get("/meetings/" + id)
                .statusCode()).isEqualTo(404);
        KaopingPrincipal district = new KaopingPrincipal(0, "hedong_admin", "河东区", Role.DISTRICT_ADMIN,
                directory.regionByCode("QH-HD").orElseThrow().id(), directory.regionByCode("QH-HD").orElseThrow()
                .path(), null, null);
        assertThat(meetings.list(district)).extracting(JointMeeting::id).contains(id);
        assertThat(work.itemsFor(district, day)).as("not overdue yet")
                .noneMatch(i -> i.link().equals("/meetings/" + id));
        assertThat(work.itemsFor(district, day.plusDays(8))).filteredOn(i -> i.link().equals("/meetings/" + id))
                .singleElement().satisfies(i -> assertThat(i.title()).contains("逾期未落实").contains("电梯停运"));
        // the district's completion rate per street: this meeting's two decisions, one done on time, none overdue yet
        assertThat(meetings.completion(district, day, day)).filteredOn(c -> c.streetId() == street.id())
                .singleElement().satisfies(c -> {
                    assertThat(c.street()).isEqualTo(street.name());
                    assertThat(c.decisions()).isGreaterThanOrEqualTo(2);
                    assertThat(c.done()).isGreaterThanOrEqualTo(1).isLessThan(c.decisions());
                    assertThat(c.rate()).isEqualTo(c.done() * 100 / c.decisions());
                });
        assertThat(meetings.completion(district, day.plusDays(1), day.plusDays(2)))
                .noneMatch(c -> c.streetId() == street.id());
        assertThat(Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD).get("/meetings").body())
                .contains("id=\"completion\"").contains(street.name());
        assertThatThrownBy(() -> meetings.complete(district, id, 2, "x")).isInstanceOf(ForbiddenException.class);
    }

    private long complaint(KaopingPrincipal officer, String content) {
        long estate = directory.estatesUnder(officer.regionPath(), null, null, false).get(0).id();
        return complaints.file(officer, new cn.kaoping.casework.complaints.FileComplaint.Form(estate, "OTHER", content,
                null, null, null, null)).orElseThrow();
    }

    private static String documentXml(byte[] docx) throws java.io.IOException {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .replaceAll("<[^>]+>", "");
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }
}
