package cn.kaoping.subsidy.demo;

import cn.kaoping.inspection.EstateResult;
import cn.kaoping.inspection.Period;
import cn.kaoping.inspection.PublishedRound;
import cn.kaoping.inspection.RoundId;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.shared.Grade;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import cn.kaoping.subsidy.internal.BuildClaims;
import cn.kaoping.subsidy.internal.ReviewClaim;
import cn.kaoping.subsidy.internal.SubmitClaim;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A demo subsidy claim for 东风街道 (only with {@code KAOPING_DEMO=true}, once, after the demo city and users), so that
 * {@code street_df} finds a draft claim at /subsidies: the last finished half-year of {@code erqi-old-estate} over
 * 东风街道's old estates, with scores that give each grade in turn (优秀, 良好, 合格, 不合格).
 * <p>
 * Synthetic like the demo rankings' results: rounds are the inspection module's to create and publish, through
 * services in its {@code internal} package that this module may not use, so no round, inspection or finding stands
 * behind this claim (its round id is negative). docs/subsidy.md tells how to produce a claim from a real round by
 * hand in the demo.
 * <p>
 * Not in tests: the test profile also runs in demo mode, and subsidy tests build their own claims for 东风街道.
 */
@Component
@Order(60)
@Profile("!test")
class DemoSubsidy implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoSubsidy.class);
    /** The synthetic round's id; negative ids mark demo results (as in the ranking demo). */
    static final long ROUND = -2001;
    private static final Grade[] GRADES = Grade.values();
    private static final String[] TOTALS = {"96.50", "88.00", "76.50", "64.00"};

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final BuildClaims claims;
    private final SubmitClaim submit;
    private final ReviewClaim review;
    private final Clock clock;

    DemoSubsidy(DemoData demo, OrganisationDirectory directory, BuildClaims claims, SubmitClaim submit,
                ReviewClaim review, Clock clock) {
        this.demo = demo;
        this.directory = directory;
        this.claims = claims;
        this.submit = submit;
        this.review = review;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:subsidy", "SELECT count(*) FROM subsidy_claim WHERE round_id < 0", () -> {
            RegionRef street = directory.regionByCode("QH-HD-DF").orElse(null);
            if (street == null) {
                return;
            }
            List<EstateListing> estates = directory.estatesUnder(street.path(), street.id(), null, true);
            if (estates.isEmpty()) {
                return;
            }
            List<EstateResult> results = new ArrayList<>();
            for (int i = 0; i < estates.size(); i++) {
                EstateListing e = estates.get(i);
                BigDecimal total = new BigDecimal(TOTALS[i % TOTALS.length]);
                results.add(new EstateResult(e.id(), e.name(), e.companyId(), e.streetId(), total,
                        GRADES[i % GRADES.length].name(), total.compareTo(BigDecimal.valueOf(70)) >= 0));
            }
            Period period = lastHalfYear(LocalDate.now(clock));
            String name = street.name() + period.code().substring(0, 4)
                    + (period.code().endsWith("H1") ? "年上半年" : "年下半年") + "老旧小区物业管理考核（演示）";
            List<Long> ids = claims.fromRound(new PublishedRound(new RoundId(ROUND), name, 1, null, "demo",
                    BuildClaims.SCHEME, 1, period, OffsetDateTime.now(clock), results), "demo");
            log.info("Loaded the demo subsidy claim of " + street.name() + " " + period.code() + " ("
                    + estates.size() + " old estates, claims " + ids + ")");
            ids.stream().findFirst().ifPresent(id -> awaitApproval(street, id));
        });
    }

    /**
     * The street submits the claim and the district office reviews it, so it waits for the approval of another
     * district leader ({@code hedong_admin}) on the first screen (issue 18).
     */
    private void awaitApproval(RegionRef street, long id) {
        RegionRef district = directory.region(street.parentId()).orElseThrow();
        submit.submit(new KaopingPrincipal(0, "street_df", street.name() + " 物业办", Role.STREET_OFFICER,
                street.id(), street.path(), null, null), id, null);
        review.review(new KaopingPrincipal(-1, "demo", district.name() + " 老旧小区改造指挥部办公室",
                Role.DISTRICT_ADMIN, district.id(), district.path(), null, null), id, null);
    }

    /** The last half-year that has ended before today (2026-H1 from July to December 2026). */
    static Period lastHalfYear(LocalDate today) {
        return today.getMonthValue() > 6 ? Period.parse(today.getYear() + "-H1")
                : Period.parse((today.getYear() - 1) + "-H2");
    }
}
