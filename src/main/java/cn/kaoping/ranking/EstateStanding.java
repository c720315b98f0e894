package cn.kaoping.ranking;

/** An estate's entry in one ranking, with the ranking it belongs to (an estate's history over periods). */
public record EstateStanding(RankingSummary ranking, RankingEntry entry) {
}
