package cn.kaoping.streetassessment.year;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Warning;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A district runs a year of street-office assessment on the Xigang table (seed 001; issue 15): nodes per street,
 * submissions judged on time or late at the server's time and the review, pending before the node, departments'
 * findings on their own rows only, objections withdrawn and upheld, the quarter ranked with shared places and
 * published, a revision with a reason, and every street, department and district kept to its own.
 */
@IntegrationTest
class StreetAssessmentFlowTests {

    @LocalServerPort
    int port;
    @Autowired
    OpenYear open;
    @Autowired
    SubmitNode submit;
    @Autowired
    ReviewSubmission review;
    @Autowired
    RecordEvent events;
    @Autowired
    StreetObjections objections;
    @Autowired
    PublishQuarter publish;
    @Autowired
    PublishedQuarters published;
    @Autowired
    StreetScores scores;
    @Autowired
    YearBoard board;
    @Autowired
    AssessmentStore store;
    @Autowired
    NodeReminders reminders;
    @Autowired
    AssessmentWorkItems work;
    @Autowired
    Years years;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.kaoping.casework.complaints.FileComplaint complaints;
    @Autowired
    cn.kaoping.survey.internal.OpenSurvey openSurvey;
    @Autowired
    cn.kaoping.survey.internal.IssueSurveyCodes issueCodes;
    @Autowired
    cn.kaoping.survey.internal.CloseSurvey closeSurvey;

    KaopingPrincipal regional(String username, Role role, String code) {
        RegionRef r = directory.regionByCode(code).orElseThrow();
        return new KaopingPrincipal(0, username, username, role, r.id(), r.path(), null, null);
    }

    KaopingPrincipal admin() {
        return regional("hedong_admin", Role.DISTRICT_ADMIN, "QH-HD");
    }

    KaopingPrincipal dept() {
        return regional("hedong_dept", Role.DISTRICT_DEPT, "QH-HD");
    }

    KaopingPrincipal street(String code) {
        return regional("street_" + code.toLowerCase(), Role.STREET_OFFICER, "QH-HD-" + code);
    }

    long streetId(String code) {
        return directory.regionByCode("QH-HD-" + code).orElseThrow().id();
    }

    Node node(long year, String street, String rule) {
        return store.nodes(year, streetId(street)).stream().filter(n -> n.ruleCode().equals(rule)).findFirst()
                .orElseThrow();
    }

    static Evaluation.ItemScore item(StreetScores.StreetScore s, String code) {
        return s.evaluation().item(code);
    }

    static StreetScores.StreetScore of(List<StreetScores.StreetScore> all, long streetId) {
        return all.stream().filter(s -> s.street().streetId() == streetId).findFirst().orElseThrow();
    }

    @Test
    void departmentsRecordStreetsObjectAndTheQuarterIsRankedAndPublished() throws java.io.IOException {
        assertThatThrownBy(() -> open.open(street("DF"), new OpenYear.Form("xigang-street-2020", 2025, null, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> open.open(admin(), new OpenYear.Form("erqi-old-estate", 2025, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("schemeCode"));
        long y = open.open(admin(), new OpenYear.Form("xigang-street-2020", 2025, null, null));
        assertThatThrownBy(() -> open.open(admin(), new OpenYear.Form("xigang-street-2020", 2025, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.streets(y)).hasSize(3);
        assertThat(store.nodes(y, streetId("DF"))).hasSize(19);

        AssessmentStore.Year year = store.year(y).orElseThrow();
        open.assign(admin(), year, "区城管执法局", "hedong_dept");
        assertThat(events.recordable(dept(), year)).extracting(r -> r.rule().code())
                .containsExactly("7.1.a", "7.1.b", "7.1.c", "7.2", "7.3", "7.4");
        assertThat(events.recordable(admin(), year)).extracting(r -> r.rule().code())
                .contains("3.a", "4.c", "13.a").doesNotContain("3.c", "6.3.a", "6.3.b", "7.2");
        assertThatThrownBy(() -> events.record(dept(), y, new RecordEvent.Form(streetId("DF"), "3.a", 1,
                LocalDate.of(2025, 7, 1), "未指导交接", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).contains("ruleCode"));
        long monthly = events.record(dept(), y, new RecordEvent.Form(streetId("DF"), "7.2", 1,
                LocalDate.of(2025, 7, 1), "6 月月度总结未按时报送", null));
        long handover = events.record(admin(), y, new RecordEvent.Form(streetId("DF"), "3.a", 1,
                LocalDate.of(2025, 8, 1), "某小区交接未指导", null));
        events.record(admin(), y, new RecordEvent.Form(streetId("CY"), "4.c", 2, LocalDate.of(2025, 8, 2),
                "两处安全隐患未上报", null));

        List<StreetScores.StreetScore> q3 = scores.atEndOf(year, LocalDate.of(2025, 9, 30));
        StreetScores.StreetScore df = of(q3, streetId("DF"));
        assertThat(item(df, "7.2").score()).isEqualByComparingTo("1");
        assertThat(item(df, "3").score()).isEqualByComparingTo("8");
        assertThat(item(df, "1").lines()).singleElement().satisfies(l -> assertThat(l.reason())
                .contains("截止 2025-09-15").contains("未报送"));
        assertThat(item(df, "17.2").score()).as("due 15 December: pending at the end of September")
                .isEqualByComparingTo("2");

        // objections: another street cannot even see the record; too late for a node missed in June
        assertThatThrownBy(() -> objections.objectToEvent(street("CY"), handover, "不是我们"))
                .isInstanceOf(NotFoundException.class);
        long o1 = objections.objectToEvent(street("DF"), handover, "该小区已由社区代管，交接已指导，附会议记录");
        long o2 = objections.objectToEvent(street("DF"), monthly, "月度总结已于 7 月 3 日报送");
        assertThatThrownBy(() -> objections.objectToEvent(street("DF"), handover, "again"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> objections.objectToNode(street("DF"), node(y, "DF", "2.1").id(), "忘了"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("异议期已过");
        assertThatThrownBy(() -> objections.decide(dept(), o1, true, "x")).isInstanceOf(ForbiddenException.class);
        objections.decide(admin(), o1, true, "经核实，交接已指导");
        objections.decide(admin(), o2, false, "报送时间晚于规定");
        assertThatThrownBy(() -> objections.decide(admin(), o2, true, "again")).isInstanceOf(ConflictException.class);
        df = of(scores.atEndOf(year, LocalDate.of(2025, 9, 30)), streetId("DF"));
        assertThat(item(df, "3").score()).as("withdrawn").isEqualByComparingTo("10");
        assertThat(item(df, "7.2").score()).as("upheld").isEqualByComparingTo("1");
        assertThat(df.notes()).anySatisfy(n -> assertThat(n).contains("3.a").contains("撤销扣分"));

        // scope
        assertThat(board.board(street("CY"), y).scores()).extracting(s -> s.street().streetId())
                .containsExactly(streetId("CY"));
        assertThatThrownBy(() -> board.board(regional("hexi_admin", Role.DISTRICT_ADMIN, "QH-HX"), y))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> board.street(street("CY"), y, streetId("DF"))).isInstanceOf(NotFoundException.class);

        // the quarter: ranked with shared places, published, revised with a reason
        assertThatThrownBy(() -> publish.publish(street("DF"), y, 3, null)).isInstanceOf(ForbiddenException.class);
        long v1 = publish.publish(admin(), y, 3, null);
        PublishedQuarters.Published p1 = published.get(v1);
        assertThat(p1.lines()).extracting(PublishedQuarters.Line::streetName)
                .as("光明 has no findings, 东风 one upheld, 朝阳 two").containsExactly("光明街道", "东风街道", "朝阳街道");
        assertThat(p1.lines()).extracting(PublishedQuarters.Line::place).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> publish.publish(admin(), y, 3, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("reason"));
        objections.objectToEvent(street("CY"), store.events(y, streetId("CY")).get(0).id(), "其中一处已上报");
        objections.decide(admin(), store.objections(y, streetId("CY")).get(0).id(), true, "经核实已上报");
        long v2 = publish.publish(admin(), y, 3, "朝阳街道异议成立，撤销 4.c 扣分");
        PublishedQuarters.Published p2 = published.get(v2);
        assertThat(p2.quarter().revision()).isEqualTo(2);
        assertThat(p2.lines()).extracting(PublishedQuarters.Line::place).as("朝阳 now ties with 光明")
                .containsExactly(1, 1, 3);
        assertThat(published.get(v1).superseded()).isTrue();
        assertThat(published.get(v1).lines()).as("the first revision is kept as published").hasSize(3)
                .extracting(PublishedQuarters.Line::place).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> jdbc.sql("UPDATE sa_quarter_result SET total = 100 WHERE quarter_id = :q")
                .param("q", v1).update()).hasMessageContaining("immutable");

        HttpResponse<String> page = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD)
                .get("/public/street-assessments/" + v2);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("朝阳街道").contains("第 2 版").contains("朝阳街道异议成立");
        HttpResponse<String> pdf = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD)
                .get("/public/street-assessments/" + v2 + "/gongshi.pdf");
        assertThat(pdf.body()).startsWith("%PDF");
        Browserless other = Browserless.signIn(port, "street_xh", Browserless.DEMO_PASSWORD);
        assertThat(other.get("/street-assessments/" + y).statusCode()).isEqualTo(404);
        assertThat(other.get("/street-assessments/quarters/" + v2 + ".xlsx").statusCode()).isEqualTo(404);
        HttpResponse<String> xlsx = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD)
                .get("/street-assessments/quarters/" + v2 + ".xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith("PK");

        // node 6.1's 信访回复情况统计表, filled from the street's complaints of 1 January – 10 June
        long estate = directory.estatesUnder(directory.regionByCode("QH-HD-DF").orElseThrow().path(), null, null,
                false).get(0).id();
        complaints.file(street("DF"), new cn.kaoping.casework.complaints.FileComplaint.Form(estate, "SANITATION",
                "楼道堆放杂物", null, null, "RS-2025-0303", java.time.OffsetDateTime.parse("2025-03-03T09:00:00+08:00")));
        complaints.file(street("DF"), new cn.kaoping.casework.complaints.FileComplaint.Form(estate, "SANITATION",
                "六月之后的投诉", null, null, "RS-2025-0701", java.time.OffsetDateTime.parse("2025-07-01T09:00:00+08:00")));
        Browserless dfOffice = Browserless.signIn(port, "street_df", Browserless.DEMO_PASSWORD);
        assertThat(dfOffice.get("/street-assessments/" + y + "/streets/" + streetId("DF")).body())
                .contains("reply-statistics.xlsx");
        var sheet = dfOffice.download("/street-assessments/nodes/" + node(y, "DF", "6.1").id() + "/reply-statistics.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(sheet))) {
            String text = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(book).getText();
            assertThat(text).contains("东风街道 信访回复情况统计表（2025-01-01 至 2025-06-10）").contains("RS-2025-0303")
                    .doesNotContain("RS-2025-0701").contains("受理 1 件");
        }
        assertThat(dfOffice.get("/street-assessments/nodes/" + node(y, "DF", "1").id() + "/reply-statistics.xlsx")
                .statusCode()).isEqualTo(404);
        assertThat(Browserless.signIn(port, "street_cy", Browserless.DEMO_PASSWORD)
                .get("/street-assessments/nodes/" + node(y, "DF", "6.1").id() + "/reply-statistics.xlsx")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aSubmissionIsOnTimeOrLateByTheServerTimeOfTheOneFinallyAcceptedAndPendingBeforeTheNode() {
        long y = open.open(admin(), new OpenYear.Form("xigang-street-2020", 2027, null, null));
        AssessmentStore.Year year = store.year(y).orElseThrow();
        open.assign(admin(), year, "区城管执法局", "hedong_dept");
        Node plan = node(y, "DF", "2.1");
        assertThat(plan.due()).isEqualTo(LocalDate.of(2027, 6, 15));

        assertThatThrownBy(() -> submit.submit(street("CY"), plan.id(), "x", List.of(), List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> submit.submit(street("DF"), plan.id(), " ", List.of(
                new SubmitNode.Figure("小区数", "abc")), List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.FieldProblem::field).containsExactly("note", "figures"));
        long first = submit.submit(street("DF"), plan.id(), "本年度工作计划", List.of(
                new SubmitNode.Figure("本年度完成组建业委会的小区数", "3")), List.of());
        assertThat(store.submissions(List.of(plan.id()))).singleElement()
                .satisfies(s -> assertThat(s.figures()).containsEntry("本年度完成组建业委会的小区数", new BigDecimal("3")));
        assertThatThrownBy(() -> submit.submit(street("DF"), plan.id(), "again", List.of(), List.of()))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> review.accept(dept(), plan.id(), first)).as("a 区住建局 row")
                .isInstanceOf(ForbiddenException.class);
        assertThat(item(of(scores.live(year, years.today()), streetId("DF")), "2.1").lines()).singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("按时"));
        review.send(admin(), plan.id(), first, "缺少业委会名单");
        assertThat(store.node(plan.id()).orElseThrow().status()).isEqualTo(NodeStatus.RETURNED);

        List<StreetScores.StreetScore> live = scores.live(year, years.today());
        assertThat(item(of(live, streetId("DF")), "2.1").score()).isEqualByComparingTo("2");
        assertThat(of(live, streetId("GM")).evaluation().warnings(Warning.MILESTONE_PENDING))
                .as("every node of 2027 is still ahead").hasSize(19);

        Node red = node(y, "DF", "1");
        long redSub = submit.submit(street("DF"), red.id(), "红色物业示范项目落实情况", List.of(), List.of());
        review.accept(admin(), red.id(), redSub);

        Duration toJune = Duration.between(ZonedDateTime.now(StreetScores.CHINA),
                ZonedDateTime.of(2027, 6, 20, 10, 0, 0, 0, StreetScores.CHINA));
        TestClock.later(toJune, () -> {
            long again = submit.submit(street("DF"), plan.id(), "补充业委会名单后重新报送", List.of(), List.of());
            review.accept(admin(), plan.id(), again);
            assertThatThrownBy(() -> publish.publish(admin(), y, 2, null)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("季度结束后");
        });
        List<StreetScores.StreetScore> q2 = scores.atEndOf(year, LocalDate.of(2027, 6, 30));
        assertThat(item(of(q2, streetId("DF")), "2.1").score()).as("returned, back after the node: late")
                .isEqualByComparingTo("1");
        assertThat(item(of(q2, streetId("DF")), "2.1").lines()).singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("2027-06-20 报送").contains("逾期 5 天"));
        assertThat(item(of(q2, streetId("GM")), "2.1").score()).as("missing").isZero();
        assertThat(item(of(scores.atEndOf(year, LocalDate.of(2027, 9, 30)), streetId("DF")), "1").score())
                .as("accepted before the node").isEqualByComparingTo("3");

        // reminders 7 days before 15 September: nodes 1, 2.2, 16.2 of three streets, less 东风's accepted 1
        assertThat(reminders.remind(LocalDate.of(2027, 9, 8))).isEqualTo(8);
        assertThat(reminders.remind(LocalDate.of(2027, 9, 8))).as("once").isZero();

        // the first screens
        Node urban = node(y, "DF", "17.1");
        List<WorkItem> streetWork = work.itemsFor(street("DF"), LocalDate.of(2027, 6, 1));
        assertThat(streetWork).extracting(WorkItem::key).contains("sa-node:" + urban.id())
                .doesNotContain("sa-node:" + plan.id());
        long urbanSub = submit.submit(street("DF"), urban.id(), "五好小区创建材料", List.of(), List.of());
        assertThat(work.itemsFor(dept(), years.today())).extracting(WorkItem::key).contains("sa-review:" + urban.id());
        assertThat(work.itemsFor(admin(), years.today())).extracting(WorkItem::key)
                .doesNotContain("sa-review:" + urban.id());
        review.accept(dept(), urban.id(), urbanSub);
        assertThat(work.itemsFor(dept(), years.today())).extracting(WorkItem::key)
                .doesNotContain("sa-review:" + urban.id());
        assertThat(board.board(dept(), y).byDepartment()).extracting(YearBoard.Rate::name)
                .contains("区住建局", "区城管执法局");
    }

    @Test
    void row3cRanksTheStreetsFromTheOwnerSurveysClosedInTheYear() {
        // a survey of a new 东风街道 estate, ended today and closed: 1 of 10 owners answers 不满意 → 0 % satisfied
        var fixture = new cn.kaoping.survey.SurveyFixture(jdbc, openSurvey, issueCodes, directory);
        LocalDate today = years.today();
        var made = fixture.survey("hangzhou-overall", "PROFESSIONAL", 10, today.minusDays(5), today);
        var code = made.code(0);
        assertThat(new cn.kaoping.survey.OwnerClient(port).submit(made.linkKey(), code.building(), code.room(),
                code.code(), java.util.Map.of("overall", "U")).body()).contains("提交成功");
        closeSurvey.close(fixture.streetOfficer(), made.surveyId());

        long y = open.open(admin(), new OpenYear.Form("xigang-street-2020", today.getYear(), null, null));
        StreetScores.StreetScore df = of(scores.live(store.year(y).orElseThrow(), today), streetId("DF"));
        assertThat(df.surveyed()).as("东风's estates with a valid result this year").isGreaterThanOrEqualTo(1);
        assertThat(df.unqualified()).as("at least the estate at 0 %").isGreaterThanOrEqualTo(1);
        assertThat(df.peerRank()).isNotNull();
        assertThat(item(df, "3").lines("3.c")).singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("倒数第 " + df.peerRank() + " 名"));
        assertThat(df.notes()).anySatisfy(n -> assertThat(n).startsWith("3.c：本街道参加业主满意度调查的小区"));
    }
}
