package cn.kaoping.scheme.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/schemes/{code}/evaluate}: the day the evaluation looks from (default today) and the facts.
 */
record EvaluateRequest(LocalDate asOf, List<FactInput> facts, @JsonAnySetter Map<String, Object> unknown) {
}
