package cn.kaoping.scheme.engine;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Writes a scheme as the YAML document {@link SchemeReader} reads, field for field. */
final class SchemeWriter {

    private static final Resolver RESOLVER = new Resolver();

    String write(Scheme s) {
        Mapping root = new Mapping(FlowStyle.BLOCK)
                .text("code", s.code())
                .typed("version", Integer.toString(s.version()))
                .text("title", s.title())
                .text("source", s.source())
                .number("max", s.max())
                .number("pass-mark", s.passMark());
        if (!s.settings().isEmpty()) {
            Mapping settings = new Mapping(FlowStyle.BLOCK);
            s.settings().forEach(settings::text);
            root.put("settings", settings.node());
        }
        if (!s.grades().isEmpty()) {
            root.put("grades", sequence(s.grades().stream().map(g -> new Mapping(FlowStyle.FLOW)
                    .text("code", g.code()).text("label", g.label()).number("min", g.min()).node()).toList()));
        }
        if (!s.items().isEmpty()) {
            root.put("items", sequence(s.items().stream().map(SchemeWriter::item).toList()));
        }
        if (!s.parts().isEmpty()) {
            root.put("parts", sequence(s.parts().stream().map(p -> new Mapping(FlowStyle.BLOCK)
                    .text("code", p.code()).text("title", p.title()).text("source", word(p.source()))
                    .number("weight", p.weight()).number("floor", p.floor()).node()).toList()));
        }
        if (!s.vetoes().isEmpty()) {
            root.put("vetoes", sequence(s.vetoes().stream().map(v -> new Mapping(FlowStyle.BLOCK)
                    .text("code", v.code()).text("title", v.title()).node()).toList()));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(root.node(), out);
        return out.toString();
    }

    private static Node item(Item item) {
        return new Mapping(FlowStyle.BLOCK)
                .text("code", item.code())
                .text("title", item.title())
                .text("group", item.group())
                .text("assessor", item.assessor())
                .number("max", item.max())
                .text("mode", word(item.mode()))
                .text("seed", item.seed())
                .text("standard", item.standard())
                .put("rules", sequence(item.rules().stream().map(SchemeWriter::rule).toList()))
                .node();
    }

    private static Node rule(Rule rule) {
        Mapping m = new Mapping(FlowStyle.BLOCK).text("code", rule.code());
        if (rule instanceof PerOccurrence r) {
            m.text("kind", "per-occurrence").text("label", r.label()).text("unit", r.unit())
                    .number("points", r.points()).number("cap", r.cap());
        } else if (rule instanceof Bonus r) {
            m.text("kind", "bonus").text("label", r.label()).text("unit", r.unit())
                    .number("points", r.points()).number("cap", r.cap());
        } else if (rule instanceof Condition r) {
            m.text("kind", "condition").text("label", r.label()).number("points", r.points());
        } else if (rule instanceof Milestone r) {
            m.text("kind", "milestone").text("label", r.label())
                    .typed("due", r.due() == null ? null : r.due().toString())
                    .typed("due-day", r.dueDay() == null ? null : r.dueDay().toString())
                    .text("repeat", r.repeat() == null ? null : word(r.repeat()))
                    .typed("until", r.until() == null ? null : r.until().toString())
                    .number("late", r.late());
            if (r.forfeitsItem()) {
                m.text("missing", "all");
            } else {
                m.number("missing", r.missing());
            }
        } else if (rule instanceof Tiered r) {
            m.text("kind", "tiered").text("label", r.label()).text("measure", word(r.measure()))
                    .number("min-sample", r.minSample())
                    .text("if-none", r.ifNone() == Tiered.defaultIfNone(r.measure(), r.minSample()) ? null
                            : word(r.ifNone()))
                    .put("tiers", sequence(r.tiers().stream().map(t -> new Mapping(FlowStyle.FLOW)
                            .number("min", t.min()).number("points", t.points()).node()).toList()));
        } else if (rule instanceof PeerRank r) {
            m.text("kind", "peer-rank").text("label", r.label());
            List<Node> points = r.points().stream().map(p -> typedScalar(p.toPlainString())).toList();
            m.put("points", new SequenceNode(Tag.SEQ, points, FlowStyle.FLOW));
        }
        return m.node();
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Node sequence(List<Node> nodes) {
        return new SequenceNode(Tag.SEQ, nodes, FlowStyle.BLOCK);
    }

    /** A scalar whose YAML type (int, float, date) the resolver infers, written plain. */
    private static Node typedScalar(String text) {
        return new ScalarNode(RESOLVER.resolve(NodeId.scalar, text, true), text, null, null, ScalarStyle.PLAIN);
    }

    /** Builds a mapping in a fixed key order, skipping absent optional values. */
    private static final class Mapping {
        private final List<NodeTuple> tuples = new ArrayList<>();
        private final FlowStyle style;

        Mapping(FlowStyle style) {
            this.style = style;
        }

        Mapping put(String key, Node value) {
            tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, null, null, ScalarStyle.PLAIN), value));
            return this;
        }

        /** Text is always tagged as a string, so "2.1" or "1" come back as text, not numbers. */
        Mapping text(String key, String value) {
            return value == null ? this : put(key, new ScalarNode(Tag.STR, value, null, null, ScalarStyle.PLAIN));
        }

        Mapping number(String key, BigDecimal value) {
            return value == null ? this : typed(key, value.toPlainString());
        }

        Mapping typed(String key, String value) {
            return value == null ? this : put(key, typedScalar(value));
        }

        Node node() {
            return new MappingNode(Tag.MAP, tuples, style);
        }
    }
}
