package cn.kaoping.ranking;

/** Where a place is counted: among all estates of the city, of the district, or of the street office. */
public enum RankingScope {
    CITY, DISTRICT, STREET
}
