package cn.kaoping.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.escalation.internal.ConsecutiveBottom.Place;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsecutiveBottomTests {

    private static Place at(long estate, Long company, int place) {
        return new Place(estate, company, place, 12, new BigDecimal("60.00"));
    }

    @Test
    void anEstateInBothYearsBottomThreeWithTheSameCompanyRepeats() {
        var repeats = ConsecutiveBottom.repeats(List.of(at(1, 10L, 10), at(2, 20L, 11)),
                List.of(at(3, 30L, 10), at(1, 10L, 12)));
        assertThat(repeats).singleElement().satisfies(r -> {
            assertThat(r.earlier().place()).isEqualTo(10);
            assertThat(r.later().place()).isEqualTo(12);
        });
    }

    @Test
    void aNewCompanyOrAnEstateWithoutCompanyDoesNotRepeat() {
        assertThat(ConsecutiveBottom.repeats(List.of(at(1, 10L, 10), at(2, null, 11)),
                List.of(at(1, 11L, 10), at(2, null, 11)))).isEmpty();
    }
}
