package cn.kaoping.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.Browserless;
import cn.kaoping.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 19: a round numbers its estates only once every one of them has a total, never before an inspection. */
@IntegrationTest
class RoundPlacesTests {

    private static final Pattern PLACE = Pattern.compile("<td class=\"place\">([^<]*)</td>");

    @LocalServerPort
    int port;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void aDraftRoundListsItsEstatesWithoutPlaces() {
        long round = RoundFixture.draftOverDongfeng(port, directory, 5);
        String page = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD).get("/rounds/" + round)
                .body();
        Matcher m = PLACE.matcher(page);
        int rows = 0;
        while (m.find()) {
            rows++;
            assertThat(m.group(1)).as("no 名次 before any inspection").isEqualTo("—");
        }
        assertThat(rows).isGreaterThan(1);
    }

    @Test
    void anOpenRoundWithoutTotalsListsNoPlacesEither() {
        long round = RoundFixture.openOverDongfeng(port, directory, 5);
        String page = Browserless.signIn(port, "hedong_admin", Browserless.DEMO_PASSWORD).get("/rounds/" + round)
                .body();
        Matcher m = PLACE.matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("—");
    }
}
