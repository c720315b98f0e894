package cn.kaoping.excellence.campaign;

/** What became of a title: held as awarded, retained on re-examination (复评保留), or revoked (取消). */
public enum HonourStatus {
    HELD, RETAINED, REVOKED
}
