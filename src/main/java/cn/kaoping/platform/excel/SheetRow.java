package cn.kaoping.platform.excel;

import java.util.List;

/** A data row of an uploaded sheet: its number as Excel shows it (from 1) and its cells as trimmed text. */
public record SheetRow(int number, List<String> cells) {

    /** The cell in a column (from 0), or "" when the row is shorter. */
    public String cell(int column) {
        return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
    }
}
