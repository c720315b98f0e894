package cn.kaoping.scheme.engine;

/**
 * A scoring rule of an item; each kind turns the facts recorded under its code into score lines.
 * Points are signed: negative deducts, positive earns.
 */
public sealed interface Rule permits PerOccurrence, Condition, Milestone, Tiered, PeerRank, Bonus {

    String code();

    /** Short Chinese name used in explanations, e.g. 保安缺岗. */
    String label();
}
