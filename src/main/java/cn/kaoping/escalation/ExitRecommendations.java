package cn.kaoping.escalation;

import cn.kaoping.escalation.internal.Exits;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exit recommendations raised by other modules. Seed 000 line 21, item (1) 连续两年信用考核排名后3名: the credit module
 * calls this when a year's credit ranking shows a company in a district's bottom 3 for the second year running, once
 * per estate of that company in the district. Escalation knows nothing of credit; the caller states the facts.
 */
@Service
public class ExitRecommendations {

    private final Exits exits;

    ExitRecommendations(Exits exits) {
        this.exits = exits;
    }

    /**
     * Raises recommendation (1) for an estate once per {@code key} (the caller's rule, district, company, estate and
     * year). Returns the new recommendation's id, or empty when it existed or the estate has no company.
     */
    @Transactional
    public Optional<Long> creditBottomTwoYears(String key, long estateId, String title, String facts) {
        return exits.raiseConsecutive(ExitReason.CREDIT_BOTTOM_TWO_YEARS, "credit:" + key, estateId, title, facts);
    }
}
