package cn.kaoping.platform.excel;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.LongestMatchColumnWidthStyleStrategy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads uploaded .xlsx sheets into rows of text and writes lists, templates and reports as .xlsx (FastExcel). */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {
    }

    /** The outcome of reading: the data rows, or the problems that stop the file being read at all. */
    public record Read(List<SheetRow> rows, List<ImportProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads the first sheet, checking its header row against the layout. Never throws on a bad file. */
    public static Read read(InputStream in, ExcelColumns layout) {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in);
        if (!isZip(buffered)) {
            // FastExcel would read any other bytes as CSV; we take only the .xlsx workbooks our templates are
            return new Read(List.of(), List.of(new ImportProblem(0, "", "文件无法读取，请上传由模板填写的 .xlsx 文件")));
        }
        return read(buffered, layout, cn.idev.excel.support.ExcelTypeEnum.XLSX);
    }

    /**
     * Reads an .xlsx workbook or, for exports that come as text (a hotline system's work orders), a UTF-8 .csv file
     * with the same header row. Never throws on a bad file.
     */
    public static Read readXlsxOrCsv(byte[] content, ExcelColumns layout) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return read(new java.io.ByteArrayInputStream(content), layout, cn.idev.excel.support.ExcelTypeEnum.XLSX);
        }
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 || text.indexOf('\u0000') >= 0) {
            return new Read(List.of(), List.of(new ImportProblem(0, "",
                    "文件无法读取，请上传 .xlsx 文件或 UTF-8 编码的 .csv 文件")));
        }
        return read(new java.io.ByteArrayInputStream(content), layout, cn.idev.excel.support.ExcelTypeEnum.CSV);
    }

    private static Read read(InputStream in, ExcelColumns layout, cn.idev.excel.support.ExcelTypeEnum type) {
        List<SheetRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try {
            var reader = FastExcel.read(in, new ReadListener<Map<Integer, String>>() {
                @Override
                public void invokeHead(Map<Integer, ReadCellData<?>> head, AnalysisContext context) {
                    List<String> expected = layout.headers();
                    for (int i = 0; i < expected.size(); i++) {
                        ReadCellData<?> cell = head.get(i);
                        String actual = cell == null || cell.getStringValue() == null ? ""
                                : cell.getStringValue().replace("\uFEFF", "").trim();
                        if (!expected.get(i).equals(actual)) {
                            problems.add(new ImportProblem(1, expected.get(i),
                                    "表头应为“" + expected.get(i) + "”，实际为“" + actual + "”，请使用下载的模板"));
                        }
                    }
                }

                @Override
                public void invoke(Map<Integer, String> data, AnalysisContext context) {
                    int width = layout.columns().size();
                    List<String> cells = new ArrayList<>(width);
                    TreeMap<Integer, String> sorted = new TreeMap<>(data);
                    for (int i = 0; i < width; i++) {
                        String v = sorted.get(i);
                        cells.add(v == null ? "" : v.trim());
                    }
                    if (cells.stream().allMatch(String::isEmpty)) {
                        return;
                    }
                    rows.add(new SheetRow(context.readRowHolder().getRowIndex() + 1, cells));
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                }
            }).excelType(type);
            if (type == cn.idev.excel.support.ExcelTypeEnum.CSV) {
                reader.charset(java.nio.charset.StandardCharsets.UTF_8);
            }
            reader.sheet(0).headRowNumber(1).doRead();
        } catch (RuntimeException e) {
            return new Read(List.of(), List.of(new ImportProblem(0, "", "文件无法读取，请上传由模板填写的 .xlsx 文件")));
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new ImportProblem(0, "", "文件中没有数据行"));
        }
        return new Read(rows, problems);
    }

    /** An .xlsx workbook is a ZIP archive: it starts with "PK\3\4". */
    private static boolean isZip(java.io.BufferedInputStream in) {
        try {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** A workbook with one sheet of data under the layout's headers. */
    public static byte[] write(ExcelColumns layout, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelWriter writer = FastExcel.write(out)
                .registerWriteHandler(new LongestMatchColumnWidthStyleStrategy()).build()) {
            writer.write(rows, sheet(0, layout.sheetName(), layout.headers()));
        }
        return out.toByteArray();
    }

    /** An empty import template: the header row, and a second sheet explaining each column. */
    public static byte[] template(ExcelColumns layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExcelWriter writer = FastExcel.write(out)
                .registerWriteHandler(new LongestMatchColumnWidthStyleStrategy()).build()) {
            writer.write(List.of(), sheet(0, layout.sheetName(), layout.headers()));
            List<List<Object>> notes = layout.columns().stream()
                    .map(c -> List.<Object>of(c.header(), c.note())).toList();
            writer.write(notes, sheet(1, "填写说明", List.of("列", "说明")));
        }
        return out.toByteArray();
    }

    /** The problems of a failed import as a workbook, for officials who fix the file offline. */
    public static byte[] problems(List<ImportProblem> problems) {
        ExcelColumns layout = new ExcelColumns("错误报告", List.of(new ExcelColumns.Column("行号", ""),
                new ExcelColumns.Column("列", ""), new ExcelColumns.Column("问题", "")));
        return write(layout, problems.stream().map(p -> List.<Object>of(p.row(), p.column(), p.message())).toList());
    }

    private static WriteSheet sheet(int no, String name, List<String> headers) {
        return FastExcel.writerSheet(no, name).head(headers.stream().map(List::of).toList()).build();
    }

    /** Reads all of a stream, mapping I/O failure to a plain problem. */
    public static byte[] bytes(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
