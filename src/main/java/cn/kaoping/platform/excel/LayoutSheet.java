package cn.kaoping.platform.excel;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.metadata.data.WriteCellData;
import cn.idev.excel.write.handler.CellWriteHandler;
import cn.idev.excel.write.handler.RowWriteHandler;
import cn.idev.excel.write.handler.SheetWriteHandler;
import cn.idev.excel.write.handler.context.CellWriteHandlerContext;
import cn.idev.excel.write.handler.context.RowWriteHandlerContext;
import cn.idev.excel.write.handler.context.SheetWriteHandlerContext;
import cn.idev.excel.write.metadata.style.WriteCellStyle;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One sheet of a workbook in a seed's own layout (an annex or ranking table as the seed prints it): a title and
 * header rows in the house header style (FastExcel's, as in the other exports, equal neighbours merged), bordered
 * and wrapped body cells, merged body cells where the seed merges them, note rows under the table, fixed column
 * widths and frozen headers.
 */
public final class LayoutSheet {

    /** Excel's limit on sheet names; longer names make the file unreadable. */
    public static final int MAX_SHEET_NAME = 31;

    private final String name;
    private final List<List<String>> head;
    private final List<List<Object>> rows = new ArrayList<>();
    private final int[] widths;
    private final int frozenColumns;
    private final Set<Integer> textColumns;
    private final List<CellRangeAddress> merges = new ArrayList<>();
    private final Map<Integer, Float> heights = new HashMap<>();
    private final Set<Integer> leftRows = new HashSet<>();

    /**
     * @param head          one list per column: its header labels from the title row down (all of equal length)
     * @param widths        column widths in characters
     * @param frozenColumns leading columns that stay in view when scrolling right
     * @param textColumns   columns of prose, aligned left (the others are centred)
     */
    public LayoutSheet(String name, List<List<String>> head, int[] widths, int frozenColumns,
                       Set<Integer> textColumns) {
        if (widths.length != head.size()) {
            throw new IllegalArgumentException("one width per column");
        }
        this.name = name;
        this.head = head;
        this.widths = widths;
        this.frozenColumns = frozenColumns;
        this.textColumns = textColumns;
    }

    /** A sheet with one title row over one row of column headers. */
    public static LayoutSheet titled(String name, String title, List<String> headers, int[] widths,
                                     int frozenColumns, Set<Integer> textColumns) {
        return new LayoutSheet(name, headers.stream().map(h -> List.of(title, h)).toList(), widths, frozenColumns,
                textColumns);
    }

    public String name() {
        return name;
    }

    public int columns() {
        return head.size();
    }

    /**
     * Adds a body row; missing cells are written empty so that every cell of the table has its border.
     *
     * @return the row's index, counted from the first body row
     */
    public int add(List<Object> row) {
        List<Object> full = new ArrayList<>(row);
        while (full.size() < columns()) {
            full.add("");
        }
        rows.add(full);
        return rows.size() - 1;
    }

    /**
     * Merges body cells (rows counted from the first body row, both ends inclusive); the text stays in the first
     * cell and the covered cells are emptied, as in the seed, so nothing hidden reappears when a user unmerges.
     */
    public void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        if (firstRow == lastRow && firstColumn == lastColumn) {
            return;
        }
        merges.add(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        for (int r = firstRow; r <= lastRow; r++) {
            for (int c = firstColumn; c <= lastColumn; c++) {
                if (r != firstRow || c != firstColumn) {
                    rows.get(r).set(c, "");
                }
            }
        }
    }

    /**
     * Merges, in one column, each run of consecutive body rows (from {@code from}, before {@code to}) that share a
     * key, as the seed tables merge a 考核大项 over its rows; rows whose key is null are never merged.
     */
    public void mergeRuns(int column, int from, int to, Function<Integer, Object> key) {
        int start = from;
        while (start < to) {
            Object k = key.apply(start);
            int end = start;
            while (k != null && end + 1 < to && k.equals(key.apply(end + 1))) {
                end++;
            }
            merge(start, end, column, column);
            start = end + 1;
        }
    }

    /** A note row under the table: one cell across all columns, aligned left, tall enough for its text. */
    public void note(String text) {
        note(text, columns());
    }

    /**
     * A note row under the table: one cell over the first {@code span} columns (the table's own columns, so that it
     * stays readable however many estate columns follow), aligned left, tall enough for its text.
     */
    public void note(String text, int span) {
        int last = Math.max(0, Math.min(span, columns()) - 1);
        int row = add(List.of(text));
        merge(row, row, 0, last);
        leftRows.add(row);
        int width = 0;
        for (int c = 0; c <= last; c++) {
            width += widths[c];
        }
        // a CJK character takes two width units; merged cells do not grow by themselves
        int lines = Math.max(1, (int) Math.ceil(text.length() * 2.0 / Math.max(1, width - 2)));
        heights.put(row, 15f * lines + 6);
    }

    /** Writes the sheets into one workbook; sheet names are made valid for Excel and unique. */
    public static byte[] write(List<LayoutSheet> sheets) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs a sheet");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Set<String> taken = new HashSet<>();
        try (ExcelWriter writer = FastExcel.write(out).build()) {
            for (int i = 0; i < sheets.size(); i++) {
                LayoutSheet s = sheets.get(i);
                writer.write(s.rows, FastExcel.writerSheet(i, sheetName(s.name, taken)).head(s.head)
                        .registerWriteHandler(s.new Layout()).build());
            }
        }
        return out.toByteArray();
    }

    /**
     * A sheet name Excel and LibreOffice accept without repair: none of []:*?/\, no leading or trailing apostrophe,
     * at most 31 characters, not blank, and unique in the workbook (case-insensitive). Adds the name to
     * {@code taken}.
     */
    public static String sheetName(String wanted, Set<String> taken) {
        String base = wanted == null ? "" : wanted.replaceAll("[\\[\\]:*?/\\\\]", "-").replaceAll("^'+|'+$", "")
                .strip();
        if (base.isEmpty()) {
            base = "Sheet";
        }
        base = cut(base, MAX_SHEET_NAME);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "(" + n + ")";
            name = cut(base, MAX_SHEET_NAME - suffix.length()) + suffix;
        }
        return name;
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    /** Widths, frozen panes, merges, row heights and body cell styles of this sheet. */
    private final class Layout implements SheetWriteHandler, RowWriteHandler, CellWriteHandler {

        @Override
        public void afterSheetCreate(SheetWriteHandlerContext context) {
            Sheet sheet = context.getWriteSheetHolder().getSheet();
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(255, widths[c]) * 256);
            }
            int headRows = head.get(0).size();
            sheet.createFreezePane(frozenColumns, headRows);
            for (CellRangeAddress m : merges) {
                sheet.addMergedRegion(new CellRangeAddress(m.getFirstRow() + headRows, m.getLastRow() + headRows,
                        m.getFirstColumn(), m.getLastColumn()));
            }
        }

        @Override
        public void afterRowDispose(RowWriteHandlerContext context) {
            if (!Boolean.TRUE.equals(context.getHead()) && context.getRelativeRowIndex() != null) {
                Float h = heights.get(context.getRelativeRowIndex());
                if (h != null) {
                    context.getRow().setHeightInPoints(h);
                }
            }
        }

        @Override
        public void afterCellDispose(CellWriteHandlerContext context) {
            WriteCellData<?> cell = context.getFirstCellData();
            if (Boolean.TRUE.equals(context.getHead()) || cell == null) {
                return;
            }
            WriteCellStyle style = cell.getOrCreateStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setWrapped(true);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            boolean left = textColumns.contains(context.getColumnIndex())
                    || leftRows.contains(context.getRelativeRowIndex());
            style.setHorizontalAlignment(left ? HorizontalAlignment.LEFT : HorizontalAlignment.CENTER);
        }
    }
}
