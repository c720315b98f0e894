package cn.kaoping.rectification.internal;

/** A notice's life: drafted, issued to the company, answered (submitted), closed (销号); a discarded draft is withdrawn. */
public enum NoticeStatus {
    DRAFT("草稿"), ISSUED("已下达"), SUBMITTED("已报送整改"), CLOSED("已销号"), WITHDRAWN("已撤回");

    private final String label;

    NoticeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the company sees the notice (never a draft or a withdrawn one). */
    public boolean visibleToCompany() {
        return this != DRAFT && this != WITHDRAWN;
    }
}
