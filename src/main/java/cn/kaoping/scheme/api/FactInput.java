package cn.kaoping.scheme.api;

import cn.kaoping.scheme.engine.Fact;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One fact of an evaluation request, addressed to a rule, part or veto by code. Fields the engine does not know
 * are collected in {@code unknown} and reported, so that a typo such as {@code "cuont"} is not silently ignored.
 */
record FactInput(String rule, Integer count, BigDecimal value, BigDecimal sample, LocalDate due, LocalDate date,
                 Integer rank, Integer satisfied, Integer basicallySatisfied, Integer owners,
                 @JsonAnySetter Map<String, Object> unknown) {

    Fact toFact() {
        return new Fact(rule, count, value, sample, due, date, rank, satisfied, basicallySatisfied, owners);
    }
}
