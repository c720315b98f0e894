package cn.kaoping.ranking.publication;

import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * One line of the public ranking table with its words ready, so the page template only places them. Formatting
 * here rather than in the template halves the page's rendering time: per row the template evaluated a dozen
 * expressions and three message formats, and {@code MessageFormat} formats one call at a time.
 *
 * @param place     the place in the page's scope, or "-" when the estate is unranked
 * @param category  the category's name when the page mixes categories that are ranked apart, else null
 * @param places    "全市第 3 名/共 40 个" etc. in the city, district and street (empty when unranked)
 * @param missing   which periods are missing (and that the estate is unranked), or null
 */
public record Row(long estateId, String place, boolean tied, String estate, String company, String where,
                  String category, List<String> places, String missing, String satisfaction, String score,
                  String grade) {

    /** The words rows are made of, in one language, read once from the publication bundle. */
    static final class Words {

        private final String noCompany;
        private final String city;
        private final String district;
        private final String street;
        private final String missing;
        private final String unranked;
        private final String satisfaction;
        private final String invalid;
        private final Map<String, String> categories;

        Words(MessageSource m, Locale l) {
            noCompany = m.getMessage("publication.noCompany", null, l);
            city = m.getMessage("publication.place.CITY", null, l);
            district = m.getMessage("publication.place.DISTRICT", null, l);
            street = m.getMessage("publication.place.STREET", null, l);
            missing = m.getMessage("publication.missing", null, l);
            unranked = m.getMessage("publication.unranked", null, l);
            satisfaction = m.getMessage("publication.satisfaction", null, l);
            invalid = m.getMessage("publication.satisfaction.invalid", null, l);
            categories = Map.of("PROFESSIONAL", m.getMessage("category.PROFESSIONAL", null, l),
                    "BASIC", m.getMessage("category.BASIC", null, l));
        }

        /** The patterns carry {0} and {1} only, without quotes (checked by PublicRankingPageTests). */
        private static String fill(String pattern, Object a, Object b) {
            return pattern.replace("{0}", String.valueOf(a)).replace("{1}", String.valueOf(b));
        }

        Row row(RankingEntry e, RankingScope scope, boolean showCategory) {
            Integer place = e.rank(scope);
            List<String> places = new ArrayList<>(3);
            // a place only where the rounds covered the region whole (issue 19): no "全市第 1 名" from a street round
            if (e.ranked() && e.rankCity() != null) {
                places.add(fill(city, e.rankCity(), e.peersCity()));
            }
            if (e.ranked() && e.rankDistrict() != null) {
                places.add(fill(district, e.rankDistrict(), e.peersDistrict()));
            }
            if (e.ranked() && e.rankStreet() != null) {
                places.add(fill(street, e.rankStreet(), e.peersStreet()));
            }
            String gap = e.periodsMissing().isEmpty() ? null
                    : fill(missing, String.join(", ", e.periodsMissing()), "") + (e.ranked() ? "" : unranked);
            String happy = e.satisfaction() == null ? null : fill(satisfaction, e.satisfaction().toPlainString(), "")
                    + (Boolean.FALSE.equals(e.satisfactionValid()) ? invalid : "");
            return new Row(e.estateId(), place == null ? "-" : place.toString(), e.tied(scope), e.estateName(),
                    e.companyName() == null ? noCompany : e.companyName(), e.districtName() + " " + e.streetName(),
                    showCategory ? categories.getOrDefault(e.category(), e.category()) : null, places, gap, happy,
                    e.score() == null ? "-" : e.score().toPlainString(), e.gradeLabel() == null ? "-" : e.gradeLabel());
        }
    }
}
