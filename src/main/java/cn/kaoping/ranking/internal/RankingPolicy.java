package cn.kaoping.ranking.internal;

import cn.kaoping.ranking.rules.PeriodAggregate.Method;
import cn.kaoping.scheme.engine.Scheme;
import java.util.Optional;

/**
 * What a scheme's settings say about ranking it (docs/schemes.md, "settings"):
 * {@code ranking.separate-by-category} (default true: SPEC, professional and basic estates ranked apart),
 * {@code ranking.list-size} or else {@code rectification.bottom} (default 10: seed 000 排名后10名), and how
 * quarters make a half-year and a year ({@code ranking.half-year}, {@code ranking.year}: the mean of all the
 * period's quarters by default, so a missing quarter leaves an estate unranked and named; {@code
 * mean-of-available-quarters} ranks on the others and still names the gap; {@code none} computes no aggregate).
 */
public record RankingPolicy(boolean separateByCategory, int listSize, Optional<Method> halfYear,
                            Optional<Method> year) {

    static final int DEFAULT_LIST_SIZE = 10;

    /** For a scheme version that cannot be read (the defaults its settings would give). */
    static final RankingPolicy DEFAULT = new RankingPolicy(true, DEFAULT_LIST_SIZE,
            Optional.of(Method.MEAN_OF_ALL_QUARTERS), Optional.of(Method.MEAN_OF_ALL_QUARTERS));

    public static RankingPolicy of(Scheme scheme) {
        boolean separate = scheme.setting("ranking.separate-by-category").map(v -> !"false".equalsIgnoreCase(v.trim()))
                .orElse(true);
        int n = scheme.setting("ranking.list-size").or(() -> scheme.setting("rectification.bottom"))
                .flatMap(RankingPolicy::positive).orElse(DEFAULT_LIST_SIZE);
        return new RankingPolicy(separate, n, method(scheme.setting("ranking.half-year")),
                method(scheme.setting("ranking.year")));
    }

    static Optional<Method> method(Optional<String> setting) {
        String v = setting.map(String::trim).orElse("mean-of-all-quarters");
        return switch (v) {
            case "none" -> Optional.empty();
            case "mean-of-available-quarters" -> Optional.of(Method.MEAN_OF_AVAILABLE_QUARTERS);
            default -> Optional.of(Method.MEAN_OF_ALL_QUARTERS); // mean-of-quarters, mean-of-four-quarters, …
        };
    }

    private static Optional<Integer> positive(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
