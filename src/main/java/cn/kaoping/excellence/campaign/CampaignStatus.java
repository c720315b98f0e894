package cn.kaoping.excellence.campaign;

/** Where a 复评 campaign stands: entries under review, results on public notice (公示), or results published. */
public enum CampaignStatus {
    OPEN, GONGSHI, PUBLISHED
}
