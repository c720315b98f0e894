package cn.kaoping.survey.internal;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.survey.SatisfactionFormula;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A questionnaire as data (classpath:questionnaires/*.yaml): its questions, the options every question offers, and
 * how its responses become an estate's satisfaction.
 *
 * @param category         the estates it is meant for (专业化 / 保障型), or null for any
 * @param minParticipation the share of households that must answer (0.30, 0.10), or null
 * @param key              the question whose 满意 / 基本满意 answers are counted (overall satisfaction), or null
 */
public record Questionnaire(String code, String title, String label, String source, EstateCategory category,
                            String scheme, SatisfactionFormula formula, BigDecimal minParticipation, String key,
                            String factRule, String factKind, List<Choice> options, List<Question> questions) {

    public record Question(String code, String title, String text, BigDecimal weight) {
    }

    /**
     * @param score     the share of the question's weight this answer earns, 0–1
     * @param satisfied counts as satisfied (满意 or 基本满意) for the satisfied-share formulas
     */
    public record Choice(String code, String label, BigDecimal score, boolean satisfied) {
    }

    public Optional<Choice> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** The questions left unanswered, or answered with an option the form does not offer. */
    public List<Question> missing(Map<String, String> answers) {
        List<Question> missing = new ArrayList<>();
        for (Question q : questions) {
            String a = answers.get(q.code());
            if (a == null || option(a).isEmpty()) {
                missing.add(q);
            }
        }
        return missing;
    }

    /** Only the answers to this form's questions, ordered by question code: what is stored and hashed. */
    public Map<String, String> canonical(Map<String, String> answers) {
        Map<String, String> out = new TreeMap<>();
        for (Question q : questions) {
            String a = answers.get(q.code());
            if (a != null) {
                out.put(q.code(), a);
            }
        }
        return out;
    }

    /** The respondent's percentage: Σ weight × option score ÷ Σ weight × 100, exact to four decimals. */
    public BigDecimal score(Map<String, String> answers) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Question q : questions) {
            total = total.add(q.weight());
            earned = earned.add(q.weight().multiply(option(answers.get(q.code())).map(Choice::score)
                    .orElse(BigDecimal.ZERO)));
        }
        return earned.multiply(BigDecimal.valueOf(100)).divide(total, 4, RoundingMode.HALF_UP);
    }

    /** The answer to the key question, or null. */
    public String keyAnswer(Map<String, String> answers) {
        return key == null ? null : answers.get(key);
    }

    public boolean satisfied(String optionCode) {
        return option(optionCode).map(Choice::satisfied).orElse(false);
    }

    /** Option codes counted as 满意 (the first satisfied option) and 基本满意 (any later satisfied option). */
    public String fullySatisfiedOption() {
        return options.stream().filter(Choice::satisfied).map(Choice::code).findFirst().orElse(null);
    }
}
