package cn.kaoping.inspection.internal;

/** Where an estate's inspection stands: 待检查 → 已提交 → 已通过, or 已退回 and back to 已提交. */
public enum InspectionStatus {
    PENDING("待检查"), SUBMITTED("已提交"), RETURNED("已退回"), ACCEPTED("已通过");

    private final String label;

    InspectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
