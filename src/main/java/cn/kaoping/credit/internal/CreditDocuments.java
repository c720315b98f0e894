package cn.kaoping.credit.internal;

import cn.kaoping.credit.CreditRecord;
import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.shared.ConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The 失信信息告知单 (seed 001 row 16: 街道办事处 … 出具失信信息告知单) for a bad record, in official layout
 * (templates/credit/notice-pdf.html), and the credit ranking as .xlsx.
 */
@Service
public class CreditDocuments {

    private static final ExcelColumns RANKING = new ExcelColumns("信用排名", List.of(
            new ExcelColumns.Column("名次", ""), new ExcelColumns.Column("物业服务企业", ""),
            new ExcelColumns.Column("信用分", ""), new ExcelColumns.Column("并列", ""),
            new ExcelColumns.Column("参加排名企业数", "")));

    private final TemplateEngine templates;

    CreditDocuments(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] notice(CreditRecord r, String issuer) {
        if (r.direction() != cn.kaoping.credit.Direction.BAD) {
            throw new ConflictException("只有不良信息才出具失信信息告知单");
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("r", r);
        vars.put("issuer", issuer);
        vars.put("css", Pdfs.BASE_CSS);
        return Pdfs.render(templates.process("credit/notice-pdf", new Context(Locale.SIMPLIFIED_CHINESE, vars)));
    }

    public byte[] rankingXlsx(List<CreditRankings.Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (CreditRankings.Row r : rows) {
            out.add(List.of(r.rank(), r.companyName(), r.score(), r.tied() ? "是" : "", r.peers()));
        }
        return Spreadsheets.write(RANKING, out);
    }
}
