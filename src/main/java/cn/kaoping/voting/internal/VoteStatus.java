package cn.kaoping.voting.internal;

/** Where a vote stands: drafted by the committee, approved by the street office, open for ballots, closed. */
public enum VoteStatus {
    DRAFT("草稿"), APPROVED("已审核，公告中"), OPEN("投票中"), CLOSED("已结束");

    private final String label;

    VoteStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
