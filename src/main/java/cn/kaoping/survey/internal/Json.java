package cn.kaoping.survey.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers as a flat JSON object (question code → option code). */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> FLAT = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Map<String, String> answers) {
        return MAPPER.writeValueAsString(answers);
    }

    static Map<String, String> parseFlat(String json) {
        return MAPPER.readValue(json, FLAT);
    }
}
