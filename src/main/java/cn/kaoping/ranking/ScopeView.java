package cn.kaoping.ranking;

import java.util.List;

/**
 * What a view of a ranking is about (the ranking's own region, one district or one street) and at which level it
 * can show places (issue 19): its own level when its rounds covered it whole; otherwise the widest level below it
 * that was covered whole everywhere shown (a street always is), with the streets still missing named.
 *
 * @param level  the level of the region viewed
 * @param name   its name (东风街道, 河东区, 清河市)
 * @param places the level whose places the view shows and orders by
 */
public record ScopeView(RankingScope level, String name, boolean complete, List<String> missingStreets,
                        RankingScope places) {

    public ScopeView {
        missingStreets = List.copyOf(missingStreets);
    }

    /** The first few missing streets, joined, with "等 N 个" when there are more (a city can miss dozens). */
    public String missingShort() {
        int shown = Math.min(missingStreets.size(), 8);
        String names = String.join("、", missingStreets.subList(0, shown));
        return shown < missingStreets.size() ? names + " 等 " + missingStreets.size() + " 个" : names;
    }
}
