package cn.kaoping.survey.internal;

import cn.kaoping.organisation.EstateCategory;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.survey.SatisfactionFormula;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The built-in questionnaires, read once from {@code classpath:questionnaires/*.yaml}. */
@Component
public class Questionnaires {

    private final Map<String, Questionnaire> byCode = new LinkedHashMap<>();

    public Questionnaires() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:questionnaires/*.yaml");
            List<Questionnaire> all = new ArrayList<>();
            for (Resource f : files) {
                try (InputStream in = f.getInputStream()) {
                    all.add(read(f.getFilename(), in));
                }
            }
            all.sort(java.util.Comparator.comparing(Questionnaire::code));
            all.forEach(q -> byCode.put(q.code(), q));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Questionnaire> all() {
        return List.copyOf(byCode.values());
    }

    public Questionnaire get(String code) {
        Questionnaire q = byCode.get(code);
        if (q == null) {
            throw new NotFoundException("问卷 " + code + " 不存在");
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    static Questionnaire read(String file, InputStream in) {
        Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        try {
            List<Questionnaire.Choice> options = new ArrayList<>();
            for (Map<String, Object> o : (List<Map<String, Object>>) doc.get("options")) {
                options.add(new Questionnaire.Choice(text(o, "code"), text(o, "label"), decimal(o.get("score")),
                        Boolean.TRUE.equals(o.get("satisfied"))));
            }
            List<Questionnaire.Question> questions = new ArrayList<>();
            for (Map<String, Object> q : (List<Map<String, Object>>) doc.get("questions")) {
                questions.add(new Questionnaire.Question(text(q, "code"), text(q, "title"), text(q, "text"),
                        q.get("weight") == null ? BigDecimal.ONE : decimal(q.get("weight"))));
            }
            Map<String, Object> fact = (Map<String, Object>) doc.get("fact");
            Object category = doc.get("category");
            Object min = doc.get("min-participation");
            Questionnaire result = new Questionnaire(text(doc, "code"), text(doc, "title"), (String) doc.get("label"),
                    (String) doc.get("source"), category == null ? null : EstateCategory.valueOf(category.toString()),
                    (String) doc.get("scheme"), SatisfactionFormula.ofCode(text(doc, "formula")),
                    min == null ? null : decimal(min), (String) doc.get("key"),
                    fact == null ? null : text(fact, "rule"), fact == null ? null : text(fact, "kind"),
                    List.copyOf(options), List.copyOf(questions));
            if (options.isEmpty() || questions.isEmpty()) {
                throw new IllegalStateException("a questionnaire needs options and questions");
            }
            if (result.key() != null && questions.stream().noneMatch(q -> q.code().equals(result.key()))) {
                throw new IllegalStateException("key " + result.key() + " is not a question");
            }
            return result;
        } catch (RuntimeException e) {
            throw new IllegalStateException("questionnaire " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            throw new IllegalStateException("missing " + key);
        }
        return v.toString();
    }

    private static BigDecimal decimal(Object v) {
        return new BigDecimal(v.toString());
    }
}
