package cn.kaoping.inspection;

import java.util.List;

/**
 * A round's results were published (revision 1) or corrected (a later revision, with its reason). Carries every
 * estate's total, so a listener (ranking, rectification, subsidy) needs no call back.
 *
 * @param reason      why a correction was made; {@code null} for revision 1
 * @param contentHash SHA-256 of the published snapshot
 */
public record RoundPublished(RoundId round, int revision, String reason, String contentHash, String schemeCode,
                             int schemeVersion, Period period, long regionId, List<EstateResult> results) {

    public RoundPublished {
        results = List.copyOf(results);
    }
}
