package cn.kaoping.voting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The votes' screens for the people who run them: a draft started from an exit recommendation letter keeps the link
 * to it (item 4), bad input comes back to the form in Chinese, and the vote's page is a 404 for another street's
 * officer and for roles that do not run votes.
 */
@IntegrationTest
class VoteScreenTests {

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void aVoteStartedFromAnExitLetterLinksBackToItAndStaysInsideItsStreet() {
        Browserless committee = Browserless.signIn(port, "committee_member", Browserless.DEMO_PASSWORD);
        String form = committee.get("/votes/new?matter=4&source=exit:77&title="
                + Browserless.enc("关于是否续聘某物业公司的业主表决")).body();
        assertThat(form).contains("value=\"exit:77\"").contains("关于是否续聘某物业公司的业主表决");

        LocalDate today = LocalDate.now();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("matter", "4", "title", "关于是否续聘的表决",
                "proposals", "续聘现物业服务企业\n\n物业费标准不变", "announcedOn", today.toString(),
                "opensOn", today.plusDays(3).toString(), "closesOn", today.plusDays(10).toString(),
                "source", "exit:77"));
        HttpResponse<String> refused = committee.post("/votes", fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("表决公告应至少在投票开始前 15 日张贴");

        fields.put("opensOn", today.plusDays(15).toString());
        fields.put("closesOn", today.plusDays(20).toString());
        HttpResponse<String> created = committee.post("/votes", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String page = committee.get(location.replaceFirst("^https?://[^/]+", "")).body();
        assertThat(page).contains("/escalation/exits/77").contains("续聘现物业服务企业").contains("物业费标准不变")
                .contains("草稿，待街道审核");

        EstateRef estate = directory.firstEstateWithCommittee().orElseThrow();
        long ownStreet = directory.placements(List.of(estate.id())).get(0).streetId();
        String other = ownStreet == directory.regionByCode("QH-HD-DF").orElseThrow().id() ? "street_xh" : "street_df";
        String path = location.replaceFirst("^https?://[^/]+", "");
        assertThat(Browserless.signIn(port, other, Browserless.DEMO_PASSWORD).get(path).statusCode()).isEqualTo(404);
        assertThat(Browserless.signIn(port, "company_user", Browserless.DEMO_PASSWORD).get(path).statusCode())
                .isEqualTo(404);
        assertThat(Browserless.signIn(port, other, Browserless.DEMO_PASSWORD).post(path + "/approve", Map.of())
                .statusCode()).as("another street cannot approve it either").isEqualTo(404);
        assertThat(committee.get(path).body()).contains("草稿，待街道审核").doesNotContain("id=\"approve\"");
    }
}
