package cn.kaoping.subsidy.internal;

/** Where a claim stands: the street drafts, the office reviews, the government approves, finance and the street pay. */
public enum ClaimStatus {
    DRAFT("街道编制中"),
    SUBMITTED("已提交，待指挥部办公室审核"),
    REVIEWED("已审核，待区政府审批"),
    APPROVED("已审批，待财政拨付"),
    PAID_TO_STREET("已拨付到街道，待拨付到企业"),
    CLOSED("已办结");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    /** Whether the amounts are locked: the district government approved them. */
    public boolean locked() {
        return ordinal() >= APPROVED.ordinal();
    }

    public String label() {
        return label;
    }
}
