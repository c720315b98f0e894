package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The built-in schemes, loaded once per test JVM, and small helpers to evaluate them. */
final class SchemeFixture {

    static final Scheme ERQI = BuiltInSchemes.load("erqi-old-estate");
    static final Scheme XIGANG = BuiltInSchemes.load("xigang-street-2020");
    static final Scheme HANGZHOU = BuiltInSchemes.load("hangzhou-reeval-2018");
    static final Scheme SHENYANG_PROFESSIONAL = BuiltInSchemes.load("shenyang-professional");
    static final Scheme SHENYANG_BASIC = BuiltInSchemes.load("shenyang-basic");

    static final LocalDate END_OF_2020 = LocalDate.of(2020, 12, 31);

    private SchemeFixture() {
    }

    static Evaluation evaluate(Scheme scheme, LocalDate asOf, List<Fact> facts) {
        return Evaluator.evaluate(scheme, asOf, facts);
    }

    static Evaluation evaluate(Scheme scheme, Fact... facts) {
        return Evaluator.evaluate(scheme, END_OF_2020, List.of(facts));
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
