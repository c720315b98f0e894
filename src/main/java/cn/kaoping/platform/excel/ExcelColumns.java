package cn.kaoping.platform.excel;

import java.util.List;

/**
 * The columns of an import/export layout: header text and the note shown in the template's 填写说明 sheet.
 * The first sheet of an uploaded file must carry exactly these headers, in this order.
 */
public record ExcelColumns(String sheetName, List<Column> columns) {

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    public String header(int i) {
        return columns.get(i).header();
    }

    public record Column(String header, String note) {
    }
}
