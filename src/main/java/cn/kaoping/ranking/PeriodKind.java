package cn.kaoping.ranking;

/**
 * Which period a ranking covers: the period its rounds are held for (a quarter for Shenyang, a half-year for Erqi),
 * or a half-year or year aggregated from quarters (seed 000: 每季度考评1次，每半年、年底形成两次得分排名).
 */
public enum PeriodKind {
    ROUND, HALF_YEAR, YEAR
}
