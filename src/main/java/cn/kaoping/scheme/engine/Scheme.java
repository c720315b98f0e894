package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned assessment scheme 考评标准: either a table of items (total = sum of items) or weighted
 * composite parts (total = weighted sum), plus grade bands, vetoes and free-form settings.
 *
 * @param passMark lowest passing total, inclusive; {@code null} when the scheme has no pass mark
 */
public record Scheme(
        String code,
        int version,
        String title,
        String source,
        BigDecimal max,
        BigDecimal passMark,
        Map<String, String> settings,
        List<GradeBand> grades,
        List<Item> items,
        List<Part> parts,
        List<Veto> vetoes) {

    public Scheme {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(max, "max");
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        grades = grades == null ? List.of() : List.copyOf(grades);
        items = items == null ? List.of() : List.copyOf(items);
        parts = parts == null ? List.of() : List.copyOf(parts);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
    }

    public boolean composite() {
        return !parts.isEmpty();
    }

    public Optional<Item> item(String itemCode) {
        return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }

    /** Every rule of every item, in table order. */
    public List<Rule> rules() {
        List<Rule> all = new ArrayList<>();
        items.forEach(i -> all.addAll(i.rules()));
        return all;
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * What the scheme assesses, from its {@code assesses} setting ({@code estate}, {@code street-office},
     * {@code honour}); versions written before the setting existed: as shipped, or an estate.
     */
    public Subject assesses() {
        return setting("assesses").map(Subject::ofCode)
                .orElse(BuiltInSchemes.SUBJECTS.getOrDefault(code, Subject.ESTATE));
    }

    /** What a scheme assesses: estates (rounds), street offices (street assessment) or honours (re-evaluation). */
    public enum Subject {
        ESTATE("小区（物业项目）"), STREET_OFFICE("街道办事处"), HONOUR("荣誉称号复评");

        private final String label;

        Subject(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** @throws IllegalArgumentException for an unknown word */
        public static Subject ofCode(String code) {
            for (Subject s : values()) {
                if (s.code().equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("未知的考评对象 assesses: " + code + "（可选 estate、street-office、honour）");
        }
    }
}
