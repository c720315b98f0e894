package cn.kaoping.inspection.internal;

/** Where a round stands: 草稿 → 进行中 → 公示 → 已公布. */
public enum RoundStatus {
    DRAFT("草稿"), OPEN("进行中"), PUBLICITY("公示中"), PUBLISHED("已公布");

    private final String label;

    RoundStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
