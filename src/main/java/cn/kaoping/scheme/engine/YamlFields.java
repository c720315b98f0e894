package cn.kaoping.scheme.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The fields of one YAML mapping, read by name. Every read that fails records a problem with the
 * line and field path and returns {@code null}, so a reader can go on and report everything.
 */
final class YamlFields {

    private final SchemeReader reader;
    private final String path;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    YamlFields(SchemeReader reader, String path, MappingNode node) {
        this.reader = reader;
        this.path = path;
        this.node = node;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                reader.problem(tuple.getKeyNode(), path, "字段名必须是文本");
                continue;
            }
            if (values.containsKey(key.getValue())) {
                reader.problem(key, field(key.getValue()), "字段重复");
                continue;
            }
            values.put(key.getValue(), tuple.getValueNode());
            keys.put(key.getValue(), key);
        }
    }

    /** Wraps a node that should be a mapping, or records a problem and returns {@code null}. */
    static YamlFields of(SchemeReader reader, String path, Node node) {
        if (node instanceof MappingNode mapping) {
            return new YamlFields(reader, path, mapping);
        }
        reader.problem(node, path, "应为映射（键: 值）");
        return null;
    }

    String path() {
        return path;
    }

    Node node() {
        return node;
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The value node of a field (blank values count as absent), marking the field as read. */
    Node raw(String name, boolean required) {
        read.add(name);
        Node value = values.get(name);
        if (value instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()) || s.getValue().isBlank())) {
            value = null;
        }
        if (value == null && required) {
            reader.problem(values.containsKey(name) ? keys.get(name) : node, field(name), "缺少必填字段");
        }
        return value;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Node lineOf(String name) {
        return keys.containsKey(name) ? values.get(name) : node;
    }

    String text(String name, boolean required) {
        Node value = raw(name, required);
        if (value == null) {
            return null;
        }
        if (value instanceof ScalarNode s) {
            return s.getValue();
        }
        reader.problem(value, field(name), "应为单个值");
        return null;
    }

    BigDecimal decimal(String name, boolean required) {
        return decimal(text(name, required), lineOf(name), field(name));
    }

    BigDecimal decimal(String text, Node at, String field) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            reader.problem(at, field, "“" + text + "”不是数字");
            return null;
        }
    }

    Integer integer(String name, boolean required) {
        String text = text(name, required);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            reader.problem(lineOf(name), field(name), "“" + text + "”不是整数");
            return null;
        }
    }

    LocalDate date(String name, boolean required) {
        String text = text(name, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            reader.problem(lineOf(name), field(name), "“" + text + "”不是日期，应写作 YYYY-MM-DD");
            return null;
        }
    }

    /** One of the given lower-case words, e.g. {@code deduct}; returns the word. */
    String choice(String name, boolean required, List<String> allowed) {
        String text = text(name, required);
        if (text != null && !allowed.contains(text)) {
            reader.problem(lineOf(name), field(name), "“" + text + "”不是可选值（" + String.join("、", allowed) + "）");
            return null;
        }
        return text;
    }

    /** A sequence of scalar values; {@code null} when absent or malformed. */
    List<ScalarNode> scalars(String name, boolean required) {
        Node value = raw(name, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof SequenceNode seq)) {
            reader.problem(value, field(name), "应为列表");
            return null;
        }
        List<ScalarNode> result = new ArrayList<>();
        for (Node element : seq.getValue()) {
            if (element instanceof ScalarNode s) {
                result.add(s);
            } else {
                reader.problem(element, field(name), "列表元素应为单个值");
                return null;
            }
        }
        return result;
    }

    /** A sequence of mappings; elements that are not mappings are reported and skipped. */
    List<YamlFields> list(String name, boolean required) {
        Node value = raw(name, required);
        List<YamlFields> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof SequenceNode seq)) {
            reader.problem(value, field(name), "应为列表");
            return result;
        }
        List<Node> elements = seq.getValue();
        for (int i = 0; i < elements.size(); i++) {
            YamlFields element = of(reader, field(name) + "[" + i + "]", elements.get(i));
            if (element != null) {
                result.add(element);
            }
        }
        return result;
    }

    /** A mapping of scalar values, in document order. */
    Map<String, String> texts(String name) {
        Node value = raw(name, false);
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        YamlFields map = of(reader, field(name), value);
        if (map == null) {
            return result;
        }
        for (String key : map.values.keySet()) {
            String text = map.text(key, false);
            result.put(key, text == null ? "" : text);
        }
        return result;
    }

    /** Reports every field that was never read: most likely a typo. */
    void rejectUnknown() {
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                reader.problem(keys.get(name), field(name), "未知字段");
            }
        }
    }
}
