package cn.kaoping.voting.rules;

/**
 * The matters owners decide together, 民法典 第二百七十八条 第一款 items 1–9. Items 6–8 need three quarters of the
 * participating area and owners; every other item more than half (第二款).
 */
public enum Matter {

    RULES_OF_PROCEDURE(1, "制定和修改业主大会议事规则"),
    MANAGEMENT_STATUTE(2, "制定和修改管理规约"),
    COMMITTEE(3, "选举业主委员会或者更换业主委员会成员"),
    MANAGER(4, "选聘和解聘物业服务企业或者其他管理人"),
    USE_FUND(5, "使用建筑物及其附属设施的维修资金"),
    RAISE_FUND(6, "筹集建筑物及其附属设施的维修资金"),
    REBUILD(7, "改建、重建建筑物及其附属设施"),
    CHANGE_USE(8, "改变共有部分的用途或者利用共有部分从事经营活动"),
    OTHER(9, "有关共有和共同管理权利的其他重大事项");

    private final int item;
    private final String label;

    Matter(int item, String label) {
        this.item = item;
        this.label = label;
    }

    public int item() {
        return item;
    }

    public String label() {
        return label;
    }

    /** Items 6–8 need at least three quarters (四分之三以上) of the participating area and owners. */
    public boolean qualified() {
        return item >= 6 && item <= 8;
    }

    /** @throws IllegalArgumentException with a Chinese message for a number outside 1–9 */
    public static Matter ofItem(int item) {
        for (Matter m : values()) {
            if (m.item == item) {
                return m;
            }
        }
        throw new IllegalArgumentException("表决事项应为民法典第二百七十八条第一款第一项至第九项（1–9）");
    }
}
