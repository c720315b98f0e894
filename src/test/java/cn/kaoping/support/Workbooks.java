package cn.kaoping.support;

import cn.idev.excel.ExcelReader;
import cn.idev.excel.FastExcel;
import cn.idev.excel.read.metadata.ReadSheet;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an exported workbook back as a user's spreadsheet program would show it, for assertions on cells. */
public final class Workbooks {

    private Workbooks() {
    }

    /** Every sheet of a workbook, read back with FastExcel: name → rows of cell texts ("" for an empty cell). */
    public static Map<String, List<List<String>>> read(byte[] xlsx) {
        List<ReadSheet> sheets;
        try (ExcelReader reader = FastExcel.read(new ByteArrayInputStream(xlsx)).build()) {
            sheets = reader.excelExecutor().sheetList();
        }
        Map<String, List<List<String>>> book = new LinkedHashMap<>();
        for (ReadSheet s : sheets) {
            List<Map<Integer, String>> rows = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(s.getSheetNo())
                    .headRowNumber(0).doReadSync();
            int width = rows.stream().mapToInt(r -> r.keySet().stream().mapToInt(i -> i + 1).max().orElse(0))
                    .max().orElse(0);
            List<List<String>> grid = new ArrayList<>();
            for (Map<Integer, String> r : rows) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(r.get(c) == null ? "" : r.get(c));
                }
                grid.add(cells);
            }
            book.put(s.getSheetName(), grid);
        }
        return book;
    }
}
