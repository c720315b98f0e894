package cn.kaoping.escalation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Seed 000 line 23, exit reason (2): 连续两年服务质量日常考评排名后3名. Given the bottom 3 of one year and of the next
 * (same scheme, district and category), the estates on both lists served by the same company. A company that
 * changed between the years is a new company for the owners, so it does not count. Plain Java: the credit ranking
 * (reason 1, issue 8) can feed the same rule.
 */
public final class ConsecutiveBottom {

    /** An estate on a bottom list. */
    public record Place(long estateId, Long companyId, int place, int peers, BigDecimal score) {
    }

    /** An estate on both lists with the same company: its place in the earlier and the later year. */
    public record Repeat(Place earlier, Place later) {
    }

    private ConsecutiveBottom() {
    }

    public static List<Repeat> repeats(List<Place> earlier, List<Place> later) {
        List<Repeat> result = new ArrayList<>();
        for (Place l : later) {
            if (l.companyId() == null) {
                continue;
            }
            earlier.stream().filter(e -> e.estateId() == l.estateId() && Objects.equals(e.companyId(), l.companyId()))
                    .findFirst().ifPresent(e -> result.add(new Repeat(e, l)));
        }
        return result;
    }
}
