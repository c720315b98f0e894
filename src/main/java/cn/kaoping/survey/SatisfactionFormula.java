package cn.kaoping.survey;

/** How a questionnaire turns an estate's responses into its satisfaction (seed rules in the constant docs). */
public enum SatisfactionFormula {

    /** Shenyang (seed 000): the mean of the respondents' percentage scores (取百分比平均值). */
    MEAN_SCORE,

    /** Hangzhou (seed 002): (满意 + 基本满意) ÷ all owners of exclusive parts, not ÷ respondents. */
    SATISFIED_OVER_ALL_OWNERS,

    /** Erqi (seed 004, row 20): respondents answering 满意 or 基本满意 ÷ respondents (the sample). */
    SATISFIED_OVER_RESPONDENTS;

    /** The YAML spelling ({@code mean-score}, …). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static SatisfactionFormula ofCode(String code) {
        for (SatisfactionFormula f : values()) {
            if (f.code().equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
