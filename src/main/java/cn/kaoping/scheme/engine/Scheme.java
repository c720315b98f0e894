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
}
