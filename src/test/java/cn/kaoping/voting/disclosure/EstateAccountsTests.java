package cn.kaoping.voting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.workbench.WorkItem;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 三公开 end to end (issue 13, seed 003 三、(二)): the company publishes its service disclosure and a balanced
 * half-year statement, a second version keeps the first as history, the owners' committee confirms, anyone reads the
 * public page without signing in, a statement one cent off is refused with the field, the street office is told of
 * estates whose statement is late, and another company or street gets 404.
 */
@IntegrationTest
class EstateAccountsTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    PublishAccounts publish;
    @Autowired
    LateStatements late;
    @Autowired
    EstateAccounts estateAccounts;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A counted vote of the estate (the vote flow itself is VoteFlowTests'), every proposal passed or not. */
    private long closedVote(EstateRef estate, int matter, boolean passed) {
        long id = jdbc.sql("""
                INSERT INTO vote (estate_id, estate_name, estate_path, matter, title, announced_on, opens_on, closes_on,
                                  status, roll_size, created_by, created_at)
                VALUES (:e, '测试', :path, :m, '测试表决', DATE '2025-01-01', DATE '2025-01-16', DATE '2025-01-30',
                        'CLOSED', 1, 'test', now()) RETURNING id""")
                .param("e", estate.id()).param("path", estate.regionPath()).param("m", matter)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO vote_result (vote_id, proposal, passed, tally) VALUES (:v, 1, :p, '{}')")
                .param("v", id).param("p", passed).update();
        return id;
    }

    @Test
    void theCompanyPublishesTheCommitteeConfirmsAndEveryoneReadsIt() {
        long company = directory.firstCompanyId().orElseThrow(); // company_user's company
        EstateRef estate = directory.firstEstateOfCompany(company).orElseThrow();
        ApiClient companyUser = ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD);
        String disclosure = """
                {"services": "保洁、秩序维护、绿化养护、共用设施设备维修养护", "grade": "二级", "standard": "按《物业服务标准》二级",
                 "fees": [{"item": "物业服务费", "price": %s, "unit": "元/㎡·月", "basis": "按建筑面积按月收取"}],
                 "servicePhone": "0471-1234567", "channels": "物业服务中心；街道物业办；12345"}""";
        HttpResponse<String> first = companyUser.send("POST", "/api/v1/estates/" + estate.id() + "/disclosure",
                disclosure.formatted("1.80"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(companyUser.send("POST", "/api/v1/estates/" + estate.id() + "/disclosure",
                disclosure.formatted("2.00")).statusCode()).isEqualTo(201);

        String statement = """
                {"half": "2026-H1", "fundOpening": 100000.00, "fundClosing": %s, "lines": [
                  {"kind": "COMMON_INCOME", "item": "停车", "note": "地面停车位", "amount": 12000.00},
                  {"kind": "FUND_SPENDING", "item": "电梯维修", "note": "2号楼", "amount": 8000.00}]}""";
        HttpResponse<String> unbalanced = companyUser.send("POST", "/api/v1/estates/" + estate.id()
                + "/fund-statements", statement.formatted("92000.01"));
        assertThat(unbalanced.statusCode()).isEqualTo(400);
        assertThat(unbalanced.body()).contains("fundClosing").contains("维修资金不平衡");
        HttpResponse<String> stated = companyUser.send("POST", "/api/v1/estates/" + estate.id() + "/fund-statements",
                statement.formatted("92000.00"));
        assertThat(stated.statusCode()).as(stated.body()).isEqualTo(201);
        long statementId = Long.parseLong(stated.body().replaceAll("\\D+", ""));

        KaopingPrincipal committee = new KaopingPrincipal(0, "committee_" + estate.id(), "业委会", Role.COMMITTEE_MEMBER,
                null, null, null, estate.id());
        publish.confirm(committee, "statement", statementId);

        String page = ApiClient.anonymous(port).get("/public/estates/" + estate.id() + "/accounts").body();
        assertThat(page).contains("2.00").contains("元/㎡·月").contains("2026-H1 收支公示").contains("12000.00")
                .contains("期末 92000.00 元").contains("业主委员会确认").contains("历次公布（1 个旧版本）");
        assertThat(ApiClient.anonymous(port).get("/public/estates/999999999/accounts").statusCode()).isEqualTo(404);

        // another company, and a street office of another district, see nothing
        EstateRef elsewhere = directory.estatesUnder("/", null, null, false).stream()
                .filter(e -> e.companyId() != null && e.companyId() != company).findFirst()
                .flatMap(e -> directory.estate(e.id())).orElseThrow();
        assertThat(companyUser.get("/api/v1/estates/" + elsewhere.id() + "/disclosure").statusCode()).isEqualTo(404);
        assertThat(companyUser.send("POST", "/api/v1/estates/" + elsewhere.id() + "/disclosure",
                disclosure.formatted("2.00")).statusCode()).isEqualTo(404);
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        String otherOfficer = directory.regions(cn.kaoping.organisation.RegionLevel.STREET).stream()
                .filter(r -> !estate.regionPath().startsWith(r.path())).findFirst()
                .map(r -> "street_" + r.code().substring(r.code().lastIndexOf('-') + 1).toLowerCase()).orElseThrow();
        assertThat(ApiClient.as(port, otherOfficer, Browserless.DEMO_PASSWORD)
                .get("/api/v1/estates/" + estate.id() + "/disclosure").statusCode()).isEqualTo(404);

        // a fund spending decided by the owners names their vote (item 5); a vote on another matter is refused
        long fundVote = closedVote(estate, 5, true);
        long otherVote = closedVote(estate, 4, true);
        String spending = """
                {"half": "2025-H1", "fundOpening": 1000.00, "fundClosing": 0.00, "lines": [
                  {"kind": "FUND_SPENDING", "item": "屋面防水", "amount": 1000.00, "voteId": %d}]}""";
        HttpResponse<String> wrongVote = companyUser.send("POST", "/api/v1/estates/" + estate.id()
                + "/fund-statements", spending.formatted(otherVote));
        assertThat(wrongVote.statusCode()).isEqualTo(400);
        assertThat(wrongVote.body()).contains("lines[0].voteId").contains("使用维修资金表决");
        assertThat(companyUser.send("POST", "/api/v1/estates/" + estate.id() + "/fund-statements",
                spending.formatted(fundVote)).statusCode()).isEqualTo(201);
        assertThat(ApiClient.anonymous(port).get("/public/estates/" + estate.id() + "/accounts").body())
                .contains("依据业主共同决定（表决编号 " + fundVote + "）");

        // the same on the screens: the company types a statement, the committee confirms it there
        Browserless screen = Browserless.signIn(port, "company_user", Browserless.DEMO_PASSWORD);
        assertThat(screen.get("/estates/" + estate.id() + "/accounts").body()).contains("id=\"statement-form\"")
                .contains("id=\"disclosure-form\"");
        HttpResponse<String> typed = screen.post("/estates/" + estate.id() + "/accounts/statements", java.util.Map.of(
                "half", "2025-H2", "fundOpening", "50000", "fundClosing", "49000.00",
                "lines", "维修资金支出,路灯更换,,1000.00\n公共收益收入，广告，电梯广告，2400"));
        assertThat(typed.statusCode()).isEqualTo(302);
        String after = screen.get("/estates/" + estate.id() + "/accounts").body();
        assertThat(after).contains("已公布，等待业主委员会确认").contains("2025-H2 收支公示").contains("路灯更换");
        screen.post("/estates/" + estate.id() + "/accounts/statements", java.util.Map.of("half", "2025-H1",
                "fundOpening", "1", "fundClosing", "2", "lines", ""));
        assertThat(screen.get("/estates/" + estate.id() + "/accounts").body()).as("the reason, and what was typed")
                .contains("维修资金不平衡").contains("name=\"fundClosing\" inputmode=\"decimal\" value=\"2\"");

        // the street office is told of its estates whose 2026-H1 statement is late (due 31 July), not of this one
        KaopingPrincipal officer = new KaopingPrincipal(0, "street", "街道", Role.STREET_OFFICER, street.id(),
                street.path(), null, null);
        List<WorkItem> items = late.itemsFor(officer, LocalDate.of(2026, 12, 4));
        List<Long> lateIds = estateAccounts.late(directory.estatesUnder(street.path(), null, null, false), "2026-H1")
                .stream().map(cn.kaoping.organisation.EstateListing::id).toList();
        assertThat(lateIds).doesNotContain(estate.id());
        assertThat(items).as("one line for the street").singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("disclosure");
            assertThat(i.due()).isEqualTo(LocalDate.of(2026, 7, 31));
            assertThat(i.title()).contains(lateIds.size() + " 个小区未公布");
            assertThat(i.link()).isEqualTo("/accounts/late");
        });
        assertThat(late.itemsFor(officer, LocalDate.of(2026, 7, 31))).as("not before the due day").isEmpty();
        String latePage = Browserless.signIn(port, "street_" + street.code().substring(street.code().lastIndexOf('-')
                + 1).toLowerCase(), Browserless.DEMO_PASSWORD).get("/accounts/late").body();
        assertThat(latePage).doesNotContain("/estates/" + estate.id() + "/accounts\"");
    }
}
