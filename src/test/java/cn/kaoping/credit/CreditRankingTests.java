package cn.kaoping.credit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.credit.internal.CreditRankings;
import cn.kaoping.credit.internal.CreditService;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credit ranking of 河西区 for 2106 and 2107 and exit recommendation (1): two years running in the district's
 * bottom 3 (years 2106–2107 are this class's).
 */
@IntegrationTest
class CreditRankingTests {

    @Autowired
    CreditService credit;
    @Autowired
    CreditRankings rankings;
    @Autowired
    OrganisationDirectory directory;
    @Autowired
    JdbcClient jdbc;

    private void circulars(long company, int year, int n) {
        for (int i = 0; i < n; i++) {
            String source = "RankingTest:" + company + ":" + year + ":" + i;
            credit.automatic(new CreditService.Auto(source, "Test", company, null, null, null, Direction.BAD,
                    CreditKind.CIRCULAR, LocalDate.of(year, 6, 1 + i), "测试通报 " + source));
        }
    }

    private long exits(long company) {
        return jdbc.sql("""
                SELECT count(*) FROM escalation_exit WHERE company_id = :c AND reason = 'CREDIT_BOTTOM_TWO_YEARS'
                  AND facts LIKE '%2106 年度、2107 年度%'""").param("c", company).query(Long.class).single();
    }

    @Test
    void aCompanyInTheDistrictsBottomThreeTwoYearsRunningIsRecommendedForExitOnce() {
        String hexi = directory.regionByCode("QH-HX").orElseThrow().path();
        long hexiId = directory.regionByCode("QH-HX").orElseThrow().id();
        Set<Long> companies = new LinkedHashSet<>();
        for (EstateListing e : directory.estatesUnder(hexi, null, null, false)) {
            if (e.companyId() != null) {
                companies.add(e.companyId());
            }
        }
        List<Long> c = new ArrayList<>(companies);
        assertThat(c).hasSizeGreaterThan(4);
        long a = c.get(0), b = c.get(1), onlyFirst = c.get(2), onlySecond = c.get(3);
        circulars(a, 2106, 6);
        circulars(a, 2107, 6);
        circulars(b, 2106, 4);
        circulars(b, 2107, 4);
        circulars(onlyFirst, 2106, 2);
        circulars(onlySecond, 2107, 2);

        rankings.compute(2106);
        List<Long> raised = rankings.compute(2107);

        List<CreditRankings.Row> y2107 = rankings.stored(2107, hexiId);
        assertThat(y2107.get(y2107.size() - 1).companyId()).isEqualTo(a);
        assertThat(y2107.get(y2107.size() - 1).score()).isEqualByComparingTo("70");
        assertThat(y2107.get(y2107.size() - 1).rank()).isEqualTo(y2107.size());
        // everyone else with a clean file shares first place
        assertThat(y2107.get(0).rank()).isEqualTo(1);
        assertThat(y2107.get(0).tied()).isTrue();

        assertThat(raised).isNotEmpty();
        assertThat(exits(a)).isPositive();
        assertThat(exits(b)).isPositive();
        assertThat(exits(onlyFirst)).isZero();
        assertThat(exits(onlySecond)).isZero();

        long before = exits(a);
        assertThat(rankings.compute(2107)).isEmpty();
        assertThat(exits(a)).isEqualTo(before);
    }
}
