package cn.kaoping.survey.internal;

import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import java.util.ArrayList;
import java.util.List;

/** The anonymous answers as .xlsx: one row per response with estate, area, channel and answers; no household. */
public final class SurveyExports {

    private SurveyExports() {
    }

    public static byte[] responses(Questionnaire q, List<SurveyExportRows.ExportRow> rows) {
        List<ExcelColumns.Column> columns = new ArrayList<>();
        for (String h : List.of("小区", "区", "街道办事处", "渠道")) {
            columns.add(new ExcelColumns.Column(h, ""));
        }
        for (Questionnaire.Question question : q.questions()) {
            columns.add(new ExcelColumns.Column(question.title(), ""));
        }
        columns.add(new ExcelColumns.Column("得分(%)", ""));
        List<List<Object>> data = new ArrayList<>();
        for (SurveyExportRows.ExportRow r : rows) {
            List<Object> row = new ArrayList<>(List.of(r.estate(), r.district(), r.street(), label(r.channel())));
            for (Questionnaire.Question question : q.questions()) {
                row.add(r.answers().getOrDefault(question.code(), ""));
            }
            row.add(r.score());
            data.add(row);
        }
        return Spreadsheets.write(new ExcelColumns("答卷", columns), data);
    }

    static String label(Channel c) {
        return switch (c) {
            case QR -> "扫码";
            case LINK -> "链接";
            case BOX -> "意见箱";
            case VISIT -> "入户走访";
            case MEETING -> "征求意见会";
        };
    }
}
