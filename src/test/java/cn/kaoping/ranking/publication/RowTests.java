package cn.kaoping.ranking.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingScope;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The table rows say what the message bundles say, in Chinese and in English. */
class RowTests {

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages", "i18n/publication");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    private static RankingEntry entry(BigDecimal score, Integer city, List<String> missing) {
        return RankingEntry.builder().rankingId(1).estateId(42).estateName("阳光花园").category("BASIC").companyId(7L)
                .companyName("清河物业").streetId(3).streetName("东风街道").districtId(2).districtName("河东区").cityId(1)
                .cityName("清河市").regionPath("/1/2/3/").score(score)
                .place(RankingScope.CITY, city, true, 1200)
                .place(RankingScope.DISTRICT, city == null ? null : 2, false, 40)
                .place(RankingScope.STREET, city == null ? null : 1, false, 8)
                .periodsUsed(List.of("2051-Q1")).periodsMissing(missing).satisfaction(new BigDecimal("91.50"))
                .participation(new BigDecimal("0.35")).satisfactionValid(false).build();
    }

    @Test
    void aRowReadsLikeTheBundlesMessageFormatWouldWriteIt() {
        ResourceBundleMessageSource m = messages();
        Row row = new Row.Words(m, Locale.SIMPLIFIED_CHINESE).row(entry(new BigDecimal("88.50"), 1031,
                List.of()), RankingScope.CITY, true);
        assertThat(row.place()).isEqualTo("1031");
        assertThat(row.tied()).isTrue();
        assertThat(row.places()).containsExactly("全市第 1031 名/共 1200 个", "区内第 2 名/共 40 个",
                "街道第 1 名/共 8 个");
        assertThat(row.places().get(1)).isEqualTo(m.getMessage("publication.place.DISTRICT", new Object[] {"2", "40"},
                Locale.SIMPLIFIED_CHINESE));
        assertThat(row.category()).isEqualTo("保障型");
        assertThat(row.where()).isEqualTo("河东区 东风街道");
        assertThat(row.score()).isEqualTo("88.50");
        assertThat(row.grade()).isEqualTo("-");
        assertThat(row.missing()).isNull();
        assertThat(row.satisfaction()).isEqualTo("业主满意度 91.50（样本不足，仅供参考）");
    }

    @Test
    void anUnrankedEstateSaysWhichQuartersAreMissingInEitherLanguage() {
        ResourceBundleMessageSource m = messages();
        RankingEntry e = entry(null, null, List.of("2051-Q2", "2051-Q3"));
        Row zh = new Row.Words(m, Locale.SIMPLIFIED_CHINESE).row(e, RankingScope.DISTRICT, false);
        assertThat(zh.place()).isEqualTo("-");
        assertThat(zh.places()).isEmpty();
        assertThat(zh.category()).isNull();
        assertThat(zh.missing()).isEqualTo("缺少 2051-Q2, 2051-Q3 的考评结果，未参与排名");
        Row en = new Row.Words(m, Locale.ENGLISH).row(e, RankingScope.DISTRICT, false);
        assertThat(en.missing()).isEqualTo("no results for 2051-Q2, 2051-Q3, not ranked");
        // the patterns are filled by hand, so they must not use MessageFormat's quoting
        for (String key : List.of("publication.place.CITY", "publication.place.DISTRICT", "publication.place.STREET",
                "publication.missing", "publication.satisfaction")) {
            assertThat(m.getMessage(key, null, Locale.SIMPLIFIED_CHINESE)).doesNotContain("'");
            assertThat(m.getMessage(key, null, Locale.ENGLISH)).doesNotContain("'");
        }
    }
}
