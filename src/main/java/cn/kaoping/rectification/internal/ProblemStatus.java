package cn.kaoping.rectification.internal;

/** A problem: the company owes an answer (OPEN), answered and waiting for acceptance (ANSWERED), closed (销号). */
public enum ProblemStatus {
    OPEN("待整改"), ANSWERED("待验收"), CLOSED("已销号");

    private final String label;

    ProblemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
