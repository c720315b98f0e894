package cn.kaoping.voting.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The count of one proposal: whether enough owners took part (quorum) and whether enough of them consented, by
 * area and by headcount, with every comparison spelled out in Chinese.
 */
public record Tally(Matter matter, boolean quorumMet, boolean passed, Counts<Integer> headcount,
                    Counts<BigDecimal> area, List<String> reasons) {

    public Tally {
        reasons = List.copyOf(reasons);
    }

    /**
     * Totals of the roll and of the ballots, in persons or in ㎡.
     *
     * @param total   everyone on the roll
     * @param voted   those who took part (for, against or abstain)
     * @param consent those who voted for (同意)
     */
    public record Counts<N>(N total, N voted, N consent, N against, N abstain) {
    }
}
