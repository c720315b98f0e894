package cn.kaoping.survey.internal;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.platform.demo.DemoData;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Role;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's open survey (only with {@code KAOPING_DEMO=true}, once): 东风街道's owners are asked about their old
 * estates for two more weeks, and no estate has reached the Erqi 10 % yet, so the street office and the residents'
 * committee find it on their first screen (issue 18).
 */
@Component
@Order(75)
@Profile("!test")
class DemoSurvey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSurvey.class);

    private final DemoData demo;
    private final OrganisationDirectory directory;
    private final OpenSurvey surveys;
    private final Clock clock;

    DemoSurvey(DemoData demo, OrganisationDirectory directory, OpenSurvey surveys, Clock clock) {
        this.demo = demo;
        this.directory = directory;
        this.surveys = surveys;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.once("demo:survey", "SELECT count(*) FROM survey WHERE title LIKE '%（演示）'", () -> {
            RegionRef street = directory.regionByCode("QH-HD-DF").orElse(null);
            if (street == null) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            String title = street.name() + today.getYear() + "年老旧小区业主满意度调查（演示）";
            KaopingPrincipal officer = new KaopingPrincipal(0, "street_df", street.name() + " 物业办",
                    Role.STREET_OFFICER, street.id(), street.path(), null, null);
            long id = surveys.create(officer, new SurveyForms.SurveyForm(title, "erqi-old-estate",
                    today.minusDays(3), today.plusDays(14), street.id(), null, null));
            log.info("演示数据：{}（调查 {}）", title, id);
        });
    }
}
