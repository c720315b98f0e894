package cn.kaoping.escalation.demo;

import cn.kaoping.escalation.ExitReason;
import cn.kaoping.escalation.internal.Exits;
import cn.kaoping.escalation.internal.Forms.CircularForm;
import cn.kaoping.escalation.internal.Forms.ExitForm;
import cn.kaoping.escalation.internal.DecideCircular;
import cn.kaoping.escalation.internal.InterviewSuggestions;
import cn.kaoping.escalation.internal.NoticeFeed;
import cn.kaoping.organisation.EstateListing;
import cn.kaoping.organisation.EstatePlacement;
import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.rectification.NoticeIssued;
import cn.kaoping.rectification.RectificationOverdue;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo escalation for 河东区 (only with {@code KAOPING_DEMO=true}, once, after the demo city, users and rankings), so
 * that the escalation screens are not empty:
 * <ul>
 *   <li>a rectification notice of {@code company_user}'s company (an estate in 东风街道 if it has one) that ran past its
 *       deadline — synthetic like the demo rankings' rounds: no rectification notice stands behind it (its notice id is
 *       negative), and it reaches the ladder as the rectification module's events would ({@link NoticeFeed#noticeIssued},
 *       {@link NoticeFeed#overdue});</li>
 *   <li>the 通报 that {@code hedong_admin} decided on it 45 days ago ({@link DecideCircular#decide}; public at
 *       /public/circulars);</li>
 *   <li>the 约谈 suggestion the daily check then raises because the notice is still open
 *       ({@link InterviewSuggestions#suggestInterviews}), left open for a demo user to decide;</li>
 *   <li>an exit recommendation (seed 000 item 3, 服务质量差、居民意见大) raised by the estate's street office for the
 *       estate of {@code committee_member}, whose owners' committee then reads the letter at /escalation/letters
 *       ({@link Exits#raise}).</li>
 * </ul>
 * The commendation lists need nothing here: the demo rankings' {@code TopRanked} events produce them.
 * <p>
 * Not in tests: the test profile also runs in demo mode (the demo city, users and rankings are its fixtures), but these
 * records would sit on the very ladder (company_user's in 河东区) that escalation tests build their own cases on.
 */
@Component
@Order(50)
@Profile("!test")
class DemoEscalation implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoEscalation.class);
    /** The synthetic notice's id; negative ids mark demo notices (as negative round ids mark demo results). */
    static final long NOTICE = -1;
    /** hedong_admin as the account module's demo users know it ({@code account.internal.DemoUsers}). */
    private static final String DISTRICT_ADMIN = "hedong_admin";
    private static final String DISTRICT_ADMIN_NAME = "河东区住建局 李主任";

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final NoticeFeed notices;
    private final DecideCircular circulars;
    private final InterviewSuggestions interviews;
    private final Exits exits;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoEscalation(DemoData demo, OrganisationDirectory directory,
                   NoticeFeed notices, DecideCircular circulars, InterviewSuggestions interviews, Exits exits,
                   JdbcClient jdbc, Clock clock) {
        this.demo = demo;
        this.directory = directory;
        this.notices = notices;
        this.circulars = circulars;
        this.interviews = interviews;
        this.exits = exits;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:escalation", "SELECT count(*) FROM escalation_notice WHERE notice_id < 0", () -> {
            Optional<RegionRef> district = directory.regionByCode("QH-HD");
            Optional<Long> company = directory.firstCompanyId();
            if (district.isEmpty() || company.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            Optional<EstateListing> estate = estateOf(company.get(), district.get());
            if (estate.isPresent()) {
                ladder(district.get(), estate.get(), today);
            }
            directory.firstEstateWithCommittee().ifPresent(this::exitLetter);
            log.info("Loaded the demo escalation of 河东区 (a decided 通报, an open 约谈 suggestion, an exit letter)");
        });
    }

    /** company_user's estate in 河东区, preferring 东风街道 (street_df). */
    private Optional<EstateListing> estateOf(long company, RegionRef district) {
        String dongfeng = directory.regionByCode("QH-HD-DF").map(RegionRef::path).orElse("-");
        return directory.estatesUnder(district.path(), null, null, false).stream()
                .filter(e -> Long.valueOf(company).equals(e.companyId()))
                .min(Comparator.comparing((EstateListing e) -> !e.regionPath().startsWith(dongfeng))
                        .thenComparing(EstateListing::id));
    }

    /** An overdue notice → 通报 decided 45 days ago → the notice still open → 约谈 suggested today. */
    private void ladder(RegionRef district, EstateListing estate, LocalDate today) {
        EstatePlacement place = directory.placements(List.of(estate.id())).get(0);
        LocalDate issued = today.minusDays(80);
        LocalDate deadline = today.minusDays(50);
        String number = "演示整改〔" + issued.getYear() + "〕1号"; // never the number of a real notice
        notices.noticeIssued(new NoticeIssued(NOTICE, number, place.companyId(), place.companyName(), district.id(),
                place.streetId(), place.id(), place.name(), issued, deadline, 4, null));
        notices.overdue(new RectificationOverdue(NOTICE, number, place.companyId(), district.id(), place.id(), deadline,
                3, deadline.plusDays(1)));
        long suggestion = jdbc.sql("""
                SELECT suggestion_id FROM escalation_trigger WHERE notice_id = :notice ORDER BY held_on LIMIT 1""")
                .param("notice", NOTICE).query(Long.class).single();
        KaopingPrincipal admin = new KaopingPrincipal(0, DISTRICT_ADMIN, DISTRICT_ADMIN_NAME, Role.DISTRICT_ADMIN,
                district.id(), district.path(), null, null);
        circulars.decide(admin, suggestion, new CircularForm(today.minusDays(45), """
                %s服务的%s未按整改通知书 %s 的期限（%s）完成整改，逾期仍有 3 个问题未整改（楼道堆物未清理、电梯年检标志过期、\
                监控系统部分失效）。依据考评方案“结果运用”的规定，对%s予以通报，责令其于 15 日内整改到位。""".formatted(
                place.companyName(), place.name(), number, deadline, place.companyName())));
        interviews.suggestInterviews(today);
    }

    /** Seed 000 item (3), raised by the street office of committee_member's estate. */
    private void exitLetter(EstateRef estate) {
        EstatePlacement place = directory.placements(List.of(estate.id())).get(0);
        if (place.companyId() == null) {
            return;
        }
        RegionRef street = directory.region(place.streetId()).orElseThrow();
        String officer = "street_" + street.code().substring(street.code().lastIndexOf('-') + 1).toLowerCase();
        KaopingPrincipal p = new KaopingPrincipal(0, officer, street.name() + " 物业办", Role.STREET_OFFICER,
                street.id(), street.path(), null, null);
        LocalDate today = LocalDate.now(clock);
        int year = today.minusMonths(6).getYear();
        exits.raise(p, new ExitForm(estate.id(), ExitReason.POOR_SERVICE, String.join("\n",
                "%d 年下半年，%s及社区居委会共收到%s业主对%s的投诉 46 件，主要涉及电梯频繁停运、垃圾清运不及时和夜间安保缺岗。"
                        .formatted(year, street.name(), place.name(), place.companyName()),
                "街道办事处组织的居民意见征集中，参与评价的业主占 41%，其中 63% 对物业服务表示不满意。",
                "街道办事处两次书面督促整改后，问题仍未明显改善，已造成较大社会影响。")));
    }
}
