package cn.kaoping.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.support.IntegrationTest;
import cn.kaoping.survey.SurveyFixture.Made;
import cn.kaoping.survey.internal.IssueSurveyCodes;
import cn.kaoping.survey.internal.OpenSurvey;
import cn.kaoping.survey.internal.SurveyDashboard;
import cn.kaoping.survey.internal.SurveyQueries;
import cn.kaoping.survey.internal.Views.Dashboard;
import cn.kaoping.survey.internal.Views.EstateRow;
import cn.kaoping.survey.internal.Views.SurveyRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey module talks to the registry only through its facade: a survey copies what it shows (estate name,
 * street, district, the households counted) when it opens and keeps that picture, whatever the registry does later.
 */
@IntegrationTest
class SurveyBoundaryTests {

    /** The registry's tables (module organisation), named after FROM/JOIN/INTO/UPDATE in SQL text. */
    private static final Pattern REGISTRY_TABLE = Pattern.compile(
            "\\b(FROM|JOIN|INTO|UPDATE)\\s+(estate|household|region|property_company|project_manager|owners_committee)\\b",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpenSurvey open;
    @Autowired
    IssueSurveyCodes codes;
    @Autowired
    SurveyDashboard dashboards;
    @Autowired
    SurveyQueries queries;
    @Autowired
    OrganisationDirectory directory;

    @Test
    void noSqlOfTheSurveyModuleNamesATableOfTheRegistry() throws IOException {
        Path root = Path.of("src/main/java/cn/kaoping/survey");
        assertThat(root).isDirectory();
        List<String> found;
        try (Stream<Path> files = Files.walk(root)) {
            found = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    Matcher m = REGISTRY_TABLE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    return m.results().map(r -> root.relativize(f) + ": " + r.group());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aSurveyKeepsTheEstatesAndHouseholdsOfTheDayItOpened() {
        SurveyFixture fixture = new SurveyFixture(jdbc, open, codes, directory);
        KaopingPrincipal officer = fixture.streetOfficer();
        Made m = fixture.survey("hangzhou-overall", "PROFESSIONAL", 10);
        // the registry changes after the survey opened: the estate is renamed and a household is added
        jdbc.sql("UPDATE estate SET name = name || '（更名）' WHERE id = :e").param("e", m.estateId()).update();
        jdbc.sql("INSERT INTO household (estate_id, building, unit, room, floor_area) VALUES (:e, '9', '1', '901', 90)")
                .param("e", m.estateId()).update();

        Dashboard d = dashboards.dashboard(officer, m.surveyId());
        EstateRow row = d.estates().stream().filter(r -> r.result().estateId() == m.estateId()).findFirst()
                .orElseThrow();
        assertThat(row.result().estateName()).isEqualTo(m.estateName());
        assertThat(row.result().households()).isEqualTo(10);
        assertThat(row.streetName()).isEqualTo(directory.regionByCode("QH-HD-DF").orElseThrow().name());
        assertThat(row.districtName()).isEqualTo(directory.regionByCode("QH-HD").orElseThrow().name());
        SurveyRow listed = queries.list(officer).stream().filter(s -> s.id() == m.surveyId()).findFirst()
                .orElseThrow();
        assertThat(listed.households()).isEqualTo(10);
        assertThat(listed.estates()).isEqualTo(1);
        assertThat(new OwnerClient(port).open(m.linkKey()).body()).contains(m.estateName()).doesNotContain("（更名）");
        assertThat(codes.buildings(officer, m.surveyId(), m.estateId())).doesNotContain("9");
    }
}
