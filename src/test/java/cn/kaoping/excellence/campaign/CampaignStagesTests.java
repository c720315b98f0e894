package cn.kaoping.excellence.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ConflictException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A 复评 campaign's stages (复评 → 公示 → 公布) and what becomes of a title: each step from each stage either moves it
 * on or is refused as a conflict (409), and a published result retains or revokes the title.
 */
class CampaignStagesTests {

    private static final LocalDate GONGSHI = LocalDate.of(2026, 10, 8);
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.of(2026, 10, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private static final Map<String, UnaryOperator<HonourStore.Campaign>> STEPS = Map.of(
            "gongshi", c -> c.startGongshi(GONGSHI),
            "publish", c -> c.publish("沈物协〔2026〕12号", PUBLISHED));

    private static final Map<String, Set<CampaignStatus>> ALLOWED = Map.of(
            "gongshi", EnumSet.of(CampaignStatus.OPEN),
            "publish", EnumSet.of(CampaignStatus.GONGSHI));

    private static final Map<String, CampaignStatus> TARGET = Map.of("gongshi", CampaignStatus.GONGSHI,
            "publish", CampaignStatus.PUBLISHED);

    @Test
    void aCampaignGoesOnNoticeThenIsPublishedUnderItsDocument() {
        HonourStore.Campaign open = campaign(CampaignStatus.OPEN);
        assertThat(open.open()).isTrue();
        HonourStore.Campaign onNotice = open.startGongshi(GONGSHI);
        assertThat(onNotice.status()).isEqualTo(CampaignStatus.GONGSHI);
        assertThat(onNotice.gongshiFrom()).isEqualTo(GONGSHI);
        assertThat(onNotice.open()).isFalse();
        assertThat(Publication.objectionsUntil(onNotice)).isEqualTo(GONGSHI.plusDays(6));
        HonourStore.Campaign published = onNotice.publish("沈物协〔2026〕12号", PUBLISHED);
        assertThat(published.published()).isTrue();
        assertThat(published.gongshiFrom()).as("the notice's first day stays").isEqualTo(GONGSHI);
        assertThat(published.documentNo()).isEqualTo("沈物协〔2026〕12号");
        assertThat(published.publishedAt()).isEqualTo(PUBLISHED);
        assertThat(published).usingRecursiveComparison()
                .ignoringFields("status", "gongshiFrom", "documentNo", "publishedAt").isEqualTo(open);
    }

    @ParameterizedTest
    @EnumSource(CampaignStatus.class)
    void everyStepOutOfItsStageIsRefusedAsAConflict(CampaignStatus from) {
        STEPS.forEach((name, step) -> {
            HonourStore.Campaign c = campaign(from);
            if (ALLOWED.get(name).contains(from)) {
                assertThat(step.apply(c).status()).as(name + " from " + from).isEqualTo(TARGET.get(name));
            } else {
                assertThatThrownBy(() -> step.apply(c)).as(name + " from " + from)
                        .isInstanceOf(ConflictException.class).hasMessage("复评工作当前不在该阶段");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(CampaignStatus.class)
    void aStepOfOneStageIsTakenOnlyInIt(CampaignStatus stage) {
        for (CampaignStatus in : CampaignStatus.values()) {
            HonourStore.Campaign c = campaign(in);
            if (in == stage) {
                c.requireIn(stage);
            } else {
                assertThatThrownBy(() -> c.requireIn(stage)).isInstanceOf(ConflictException.class)
                        .hasMessage("复评工作当前不在该阶段");
            }
        }
    }

    @Test
    void aPublishedResultRetainsOrRevokesTheTitleWithItsReasonAndDocument() {
        HonourStore.Honour held = new HonourStore.Honour(5, 10, "建设路幸福里", "/1/4/", "市优秀物业服务项目", "CITY", 2023,
                3L, "幸福物业", HonourStatus.HELD, null, null, null);
        assertThat(held.revoked()).isFalse();
        HonourStore.Honour retained = held.decided(true, 2026, null, "沈物协〔2026〕12号");
        assertThat(retained.status()).isEqualTo(HonourStatus.RETAINED);
        assertThat(retained.statusYear()).isEqualTo(2026);
        assertThat(retained.document()).isEqualTo("沈物协〔2026〕12号");
        HonourStore.Honour revoked = retained.decided(false, 2027, "一票否决（第3项）：发生较大安全事故", "沈物协〔2027〕4号");
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.statusReason()).isEqualTo("一票否决（第3项）：发生较大安全事故");
        assertThat(revoked).usingRecursiveComparison()
                .ignoringFields("status", "statusYear", "statusReason", "document").isEqualTo(held);
    }

    private static HonourStore.Campaign campaign(CampaignStatus status) {
        LocalDate d = LocalDate.of(2026, 6, 1);
        return new HonourStore.Campaign(1, 2, "/1/", 2026, "2026 年度复评", "honour", 1, List.of(2023, 2024), d,
                d.plusDays(10), d.plusDays(20), d.plusDays(30), d.plusDays(60), d.plusDays(90), d.plusDays(120), 7,
                true, status, status == CampaignStatus.OPEN ? null : GONGSHI, null, null);
    }
}
