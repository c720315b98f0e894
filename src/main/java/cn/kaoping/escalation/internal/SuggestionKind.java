package cn.kaoping.escalation.internal;

/** The three rungs of the ladder a suggestion proposes (seed 000 line 20), and who decides each. */
public enum SuggestionKind {
    CIRCULAR("通报"), INTERVIEW("约谈"), PENALTY("处罚");

    private final String label;

    SuggestionKind(String label) {
        this.label = label;
    }

    /** 通报, 约谈 or 处罚, as the documents, numbers and audit lines name the rung. */
    public String label() {
        return label;
    }

    /** Why someone else may not decide it: 通报 is the district's alone; 约谈 and 处罚 a street office's too. */
    String whoDecides() {
        return this == CIRCULAR ? "通报由区房产主管部门决定" : label + "由街道办事处或区房产主管部门决定";
    }
}
