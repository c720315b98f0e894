package cn.kaoping.casework.complaints;

/** Where a work order stands (12345 practice: 派单 → 签收 → 办理 → 办结 → 回访). */
public enum ComplaintStatus {
    RECEIVED("待签收"), SIGNED("已签收"), ASSIGNED("已派单"), ANSWERED("已答复"), CLOSED("已办结"), RETURNED("已退回");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED && this != RETURNED;
    }
}
