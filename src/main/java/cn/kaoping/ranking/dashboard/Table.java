package cn.kaoping.ranking.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The numbers of one chart as a table: what the page shows beside the chart and what its .xlsx export holds, cell
 * for cell. Cells are text, whole numbers or decimals; null means "no figure" (shown as a dash, an empty cell).
 *
 * <p>Methods the template calls are public: SpEL calls no other.
 *
 * @param id    the chart's slug: element ids on the page and the export's path
 * @param title the chart's title, also the sheet's name
 */
record Table(String id, String title, List<Column> columns, List<List<Object>> rows) {

    static final String NONE = "–";

    Table {
        columns = List.copyOf(columns);
        // rows may hold nulls (no figure), which List.copyOf refuses
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** A column: its header and whether it holds numbers (right-aligned). */
    record Column(String header, boolean numeric) {
    }

    /** The cells as the page shows them. */
    public List<List<String>> texts() {
        return rows.stream().map(r -> r.stream().map(Table::text).toList()).toList();
    }

    static String text(Object cell) {
        if (cell == null) {
            return NONE;
        }
        if (cell instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return cell.toString();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
