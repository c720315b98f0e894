package cn.kaoping.streetassessment.rules;

import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.Milestone;
import cn.kaoping.scheme.engine.Rule;
import cn.kaoping.scheme.engine.Scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The time nodes 时间节点 of a year: every milestone rule of the year's scheme expanded into its dated nodes
 * (a quarterly rule gives one node per quarter), each with the row's department (考核单位) as reviewer.
 */
public final class NodePlan {

    private NodePlan() {
    }

    /** One dated node a street must submit for. */
    public record Node(String itemCode, String ruleCode, String label, String department, LocalDate due) {
    }

    /** The nodes of {@code year} for a scheme already moved into it ({@link YearScheme#of}), in date order. */
    public static List<Node> of(Scheme yearScheme, int year) {
        List<Node> nodes = new ArrayList<>();
        for (Item item : yearScheme.items()) {
            for (Rule rule : item.rules()) {
                if (rule instanceof Milestone m) {
                    for (LocalDate due : m.dueDates(YearScheme.window(year))) {
                        nodes.add(new Node(item.code(), m.code(), m.label() == null ? item.title() : m.label(),
                                item.assessor(), due));
                    }
                }
            }
        }
        nodes.sort(Comparator.comparing(Node::due).thenComparing(Node::ruleCode));
        return List.copyOf(nodes);
    }
}
