package cn.kaoping.casework.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.support.ApiClient;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The street office finds its work orders by status, category, source, estate and day received, or only the overdue
 * ones, which are flagged at the deadline they missed (signing or closing); a bad filter is a 400 naming the field.
 */
@IntegrationTest
class ComplaintListTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void theStreetFiltersItsWorkOrdersAndSeesTheOverdueOnesFlagged() {
        EstateRef estate = directory.firstEstateOfCompany(directory.firstCompanyId().orElseThrow()).orElseThrow();
        RegionRef street = directory.region(directory.placements(List.of(estate.id())).get(0).streetId()).orElseThrow();
        String officerName = "street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();
        ApiClient officer = ApiClient.as(port, officerName, Browserless.DEMO_PASSWORD);
        long late = file(officer, estate, "SANITATION", "2025-04-07T09:00:00+08:00", null);
        long returned = file(officer, estate, "GREENING", "2025-04-08T09:00:00+08:00", null);
        assertThat(officer.send("POST", "/api/v1/complaints/" + returned + "/return",
                "{\"text\":\"属于园林部门职责\"}").statusCode()).isEqualTo(200);
        long hotline = file(officer, estate, "FEES", "2025-04-08T15:00:00+08:00", "L" + System.nanoTime());

        String period = "&from=2025-04-07&to=2025-04-08&estate=" + Browserless.enc(estate.name());
        String overdue = officer.get("/api/v1/complaints?overdue=true" + period).body();
        assertThat(overdue).contains("\"id\":" + late, "\"id\":" + hotline, "\"overdue\":true")
                .as("pushed back, so not waiting on anyone").doesNotContain("\"id\":" + returned);
        assertThat(officer.get("/api/v1/complaints?category=绿化" + period).body())
                .contains("\"id\":" + returned).doesNotContain("\"id\":" + late);
        assertThat(officer.get("/api/v1/complaints?source=HOTLINE" + period).body())
                .contains("\"id\":" + hotline).doesNotContain("\"id\":" + late);
        assertThat(officer.get("/api/v1/complaints?from=2025-04-08&to=2025-04-08&estate="
                + Browserless.enc(estate.name())).body()).doesNotContain("\"id\":" + late);

        assertThat(officer.get("/api/v1/complaints?category=NOPE").body()).contains("category");
        assertThat(officer.get("/api/v1/complaints?category=NOPE").statusCode()).isEqualTo(400);
        assertThat(officer.get("/api/v1/complaints?source=FAX").statusCode()).isEqualTo(400);
        assertThat(officer.get("/api/v1/complaints?from=2025-04-08&to=2025-04-07").statusCode()).isEqualTo(400);
        assertThat(officer.get("/api/v1/complaints?from=yesterday").statusCode()).isEqualTo(400);

        Browserless screen = Browserless.signIn(port, officerName, Browserless.DEMO_PASSWORD);
        HttpResponse<String> page = screen.get("/complaints?overdue=true" + period);
        assertThat(page.body()).contains("id=\"filters\"", "/complaints/" + late, "sign-overdue", "close-overdue")
                .doesNotContain("/complaints/" + returned + "\"");
        assertThat(screen.get("/complaints?from=junk&category=NOPE").statusCode()).as("a bad filter is ignored")
                .isEqualTo(200);

        ApiClient company = ApiClient.as(port, "company_user", Browserless.DEMO_PASSWORD);
        assertThat(company.get("/api/v1/complaints?overdue=true" + period).body()).as("not assigned to it")
                .doesNotContain("\"id\":" + late);
    }

    private static long file(ApiClient officer, EstateRef estate, String category, String at, String hotlineNo) {
        HttpResponse<String> filed = officer.send("POST", "/api/v1/complaints", """
                {"estateId": %d, "category": "%s", "content": "列表筛选", "receivedAt": "%s"%s}"""
                .formatted(estate.id(), category, at, hotlineNo == null ? "" : ", \"hotlineNo\": \"" + hotlineNo + "\""));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return Long.parseLong(filed.body().replaceAll("\\D+", ""));
    }
}
