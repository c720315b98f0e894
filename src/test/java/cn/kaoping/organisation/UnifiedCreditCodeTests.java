package cn.kaoping.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedCreditCodeTests {

    // a well-formed code whose check character is 3
    private static final String REAL = "91350100M000100Y43";

    @Test
    void acceptsACodeWhoseCheckCharacterMatches() {
        assertThat(UnifiedCreditCode.checkCharacter(REAL.substring(0, 17))).isEqualTo(REAL.charAt(17));
        assertThat(UnifiedCreditCode.problem(REAL)).isEmpty();
        assertThat(UnifiedCreditCode.isValid(REAL.toLowerCase())).isTrue();
    }

    @Test
    void rejectsAWrongCheckCharacterAndSaysWhichWouldBeRight() {
        String wrong = REAL.substring(0, 17) + (REAL.charAt(17) == '3' ? '4' : '3');
        assertThat(UnifiedCreditCode.problem(wrong)).hasValueSatisfying(m ->
                assertThat(m).contains("校验位错误").contains("“" + REAL.charAt(17) + "”"));
    }

    @Test
    void rejectsAChangedDigitEvenWithTheOldCheckCharacter() {
        String typo = REAL.substring(0, 5) + (REAL.charAt(5) == '1' ? '2' : '1') + REAL.substring(6);
        assertThat(UnifiedCreditCode.isValid(typo)).isFalse();
    }

    @Test
    void rejectsWrongLengthAndLettersOutsideTheAlphabet() {
        assertThat(UnifiedCreditCode.problem("91350100M000100Y4")).hasValueSatisfying(m -> assertThat(m).contains("18位"));
        // I, O, S, V and Z are not used in credit codes
        assertThat(UnifiedCreditCode.problem("91350100M0001O0Y43")).hasValueSatisfying(m -> assertThat(m).contains("第14位"));
        assertThat(UnifiedCreditCode.problem("")).isPresent();
    }
}
