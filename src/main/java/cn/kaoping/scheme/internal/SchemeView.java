package cn.kaoping.scheme.internal;

import cn.kaoping.scheme.SchemeStatus;
import cn.kaoping.scheme.engine.Bonus;
import cn.kaoping.scheme.engine.Condition;
import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.Milestone;
import cn.kaoping.scheme.engine.PeerRank;
import cn.kaoping.scheme.engine.PerOccurrence;
import cn.kaoping.scheme.engine.Points;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.scheme.engine.Tiered;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A scheme version as the screens and the API show it: its seed table (items with their rules, each rule with a
 * Chinese description of its points), or its weighted parts, plus grades, vetoes and settings.
 */
public record SchemeView(String code, int version, SchemeStatus status, String title, String source, String label,
                         boolean builtIn, Integer basedOn, String createdBy, OffsetDateTime createdAt,
                         String publishedBy, OffsetDateTime publishedAt, BigDecimal max, BigDecimal passMark,
                         Map<String, String> settings, List<GradeView> grades, List<ItemView> items,
                         List<PartView> parts, List<VetoView> vetoes) {

    public static SchemeView of(SchemeVersion v, Scheme s) {
        return new SchemeView(v.code(), v.version(), v.status(), s.title(), s.source(), s.setting("label").orElse(null),
                v.builtIn(), v.basedOn(), v.createdBy(), v.createdAt(), v.publishedBy(), v.publishedAt(),
                Points.round(s.max()), s.passMark() == null ? null : Points.round(s.passMark()), s.settings(),
                s.grades().stream().map(g -> new GradeView(g.code(), g.label(), Points.round(g.min()))).toList(),
                s.items().stream().map(ItemView::of).toList(),
                s.parts().stream().map(p -> new PartView(p.code(), p.title(), p.source().name().toLowerCase(),
                        Points.round(p.weight()), p.floor() == null ? null : Points.round(p.floor()))).toList(),
                s.vetoes().stream().map(x -> new VetoView(x.code(), x.title())).toList());
    }

    public boolean composite() {
        return !parts.isEmpty();
    }

    public boolean published() {
        return status == SchemeStatus.PUBLISHED;
    }

    /** Every rule of the table, in table order. */
    public List<RuleView> rules() {
        return items.stream().flatMap(i -> i.rules().stream()).toList();
    }

    /** A grade band: totals at or above {@code min} (inclusive). */
    public record GradeView(String code, String label, BigDecimal min) {
    }

    /** A row (or time node) of the seed table: 序号, 考核大项, 考核分项, 分值, 评分标准 and its rules. */
    public record ItemView(String code, String title, String group, String assessor, BigDecimal max, String mode,
                           String seed, String standard, List<RuleView> rules) {

        static ItemView of(Item i) {
            return new ItemView(i.code(), i.title(), i.group(), i.assessor(), Points.round(i.max()),
                    i.mode().name().toLowerCase(), i.seed(), i.standard(), i.rules().stream().map(RuleView::of).toList());
        }

        public boolean earns() {
            return "earn".equals(mode);
        }
    }

    /**
     * A rule with the fields of its kind (the others are left out) and {@code description}, its points in words.
     *
     * @param kind per-occurrence, bonus, condition, milestone, tiered or peer-rank, as in the YAML
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleView(String code, String kind, String label, String description, BigDecimal points, String unit,
                           BigDecimal cap, List<LocalDate> dueDates, BigDecimal late, String missing, String repeat,
                           LocalDate until, String measure, BigDecimal minSample, List<TierView> tiers,
                           List<BigDecimal> rankPoints) {

        static RuleView of(Rule rule) {
            if (rule instanceof PerOccurrence r) {
                return ofKind(r, "per-occurrence", RuleText.describe(r)).points(Points.round(r.points()))
                        .unit(unit(r.unit())).cap(round(r.cap())).build();
            }
            if (rule instanceof Bonus r) {
                return ofKind(r, "bonus", RuleText.describe(r)).points(Points.round(r.points())).unit(unit(r.unit()))
                        .cap(round(r.cap())).build();
            }
            if (rule instanceof Condition r) {
                return ofKind(r, "condition", RuleText.describe(r)).points(Points.round(r.points())).build();
            }
            if (rule instanceof Milestone r) {
                return ofKind(r, "milestone", RuleText.describe(r)).dueDates(r.dueDates()).late(Points.round(r.late()))
                        .missing(r.forfeitsItem() ? "all" : r.missing() == null ? null : Points.format(r.missing()))
                        .repeat(r.repeat() == null ? null : r.repeat().name().toLowerCase().replace('_', '-'))
                        .until(r.until()).build();
            }
            if (rule instanceof Tiered r) {
                return ofKind(r, "tiered", RuleText.describe(r)).measure(r.measure().name().toLowerCase())
                        .minSample(r.minSample())
                        .tiers(r.tiers().stream().map(t -> new TierView(t.min(), Points.round(t.points()))).toList())
                        .build();
            }
            PeerRank r = (PeerRank) rule;
            return ofKind(r, "peer-rank", RuleText.describe(r))
                    .rankPoints(r.points().stream().map(Points::round).toList()).build();
        }

        /** What every kind has: the rule's code and label, the kind's name and the points in words. */
        private static Builder ofKind(Rule rule, String kind, String description) {
            return builder().code(rule.code()).kind(kind).label(rule.label()).description(description);
        }

        private static String unit(String unit) {
            return unit == null || unit.isBlank() ? "次" : unit;
        }

        private static BigDecimal round(BigDecimal value) {
            return value == null ? null : Points.round(value);
        }

        /** A measured rate is entered as a percentage on screens. */
        public boolean rate() {
            return "rate".equals(measure);
        }

        /** Builds a rule view by component name; a component not set is null (left out of the JSON). */
        static Builder builder() {
            return new Builder();
        }

        /** Sets the components of {@link RuleView} by name, in any order. */
        static final class Builder {

            private String code;
            private String kind;
            private String label;
            private String description;
            private BigDecimal points;
            private String unit;
            private BigDecimal cap;
            private List<LocalDate> dueDates;
            private BigDecimal late;
            private String missing;
            private String repeat;
            private LocalDate until;
            private String measure;
            private BigDecimal minSample;
            private List<TierView> tiers;
            private List<BigDecimal> rankPoints;

            private Builder() {
            }

            Builder code(String code) {
                this.code = code;
                return this;
            }

            Builder kind(String kind) {
                this.kind = kind;
                return this;
            }

            Builder label(String label) {
                this.label = label;
                return this;
            }

            Builder description(String description) {
                this.description = description;
                return this;
            }

            Builder points(BigDecimal points) {
                this.points = points;
                return this;
            }

            Builder unit(String unit) {
                this.unit = unit;
                return this;
            }

            Builder cap(BigDecimal cap) {
                this.cap = cap;
                return this;
            }

            Builder dueDates(List<LocalDate> dueDates) {
                this.dueDates = dueDates;
                return this;
            }

            Builder late(BigDecimal late) {
                this.late = late;
                return this;
            }

            Builder missing(String missing) {
                this.missing = missing;
                return this;
            }

            Builder repeat(String repeat) {
                this.repeat = repeat;
                return this;
            }

            Builder until(LocalDate until) {
                this.until = until;
                return this;
            }

            Builder measure(String measure) {
                this.measure = measure;
                return this;
            }

            Builder minSample(BigDecimal minSample) {
                this.minSample = minSample;
                return this;
            }

            Builder tiers(List<TierView> tiers) {
                this.tiers = tiers;
                return this;
            }

            Builder rankPoints(List<BigDecimal> rankPoints) {
                this.rankPoints = rankPoints;
                return this;
            }

            RuleView build() {
                return new RuleView(code, kind, label, description, points, unit, cap, dueDates, late, missing, repeat,
                        until, measure, minSample, tiers, rankPoints);
            }
        }
    }

    /** One threshold of a tiered rule: a value at or above {@code min} scores {@code points}. */
    public record TierView(BigDecimal min, BigDecimal points) {
    }

    /** A weighted part of a composite scheme; {@code source} is value or satisfaction. */
    public record PartView(String code, String title, String source, BigDecimal weight, BigDecimal floor) {

        public boolean satisfaction() {
            return "satisfaction".equals(source);
        }
    }

    /** A disqualifying condition 一票否决. */
    public record VetoView(String code, String title) {
    }
}
