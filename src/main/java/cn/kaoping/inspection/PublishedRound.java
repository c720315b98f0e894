package cn.kaoping.inspection;

import java.time.OffsetDateTime;
import java.util.List;

/** The latest published revision of a round's results, as other modules read it. */
public record PublishedRound(RoundId round, String name, int revision, String reason, String contentHash,
                             String schemeCode, int schemeVersion, Period period, OffsetDateTime publishedAt,
                             List<EstateResult> results) {

    public PublishedRound {
        results = List.copyOf(results);
    }
}
