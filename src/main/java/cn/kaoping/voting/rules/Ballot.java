package cn.kaoping.voting.rules;

/** How an owner voted on one proposal; an abstention takes part but does not consent. */
public enum Ballot {
    FOR("同意"), AGAINST("反对"), ABSTAIN("弃权");

    private final String label;

    Ballot(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
