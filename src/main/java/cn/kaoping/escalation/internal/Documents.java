package cn.kaoping.escalation.internal;

import cn.kaoping.platform.excel.ExcelColumns;
import cn.kaoping.platform.excel.Spreadsheets;
import cn.kaoping.platform.pdf.Pdfs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printable documents: 通报, 约谈记录, 处罚决定, the letter to the owners' committee and the commendation list, in
 * official-document layout (templates/escalation/documents.html, shared with the screens), and the list as .xlsx.
 */
@Service
public class Documents {

    /** Which document: the fragment of templates/escalation/documents.html that renders it. */
    public enum Type {
        circular, interview, penalty, exitLetter, commendations
    }

    private static final ExcelColumns COMMENDATIONS = new ExcelColumns("推荐名单", List.of(
            new ExcelColumns.Column("区", ""), new ExcelColumns.Column("类别", ""),
            new ExcelColumns.Column("物业服务企业", ""), new ExcelColumns.Column("最好名次", ""),
            new ExcelColumns.Column("最高得分", ""), new ExcelColumns.Column("入选小区", ""),
            new ExcelColumns.Column("排名", ""), new ExcelColumns.Column("周期", "")));

    private final TemplateEngine templates;
    private final Clock clock;

    Documents(TemplateEngine templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    public byte[] pdf(Type type, Object doc) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("doc", doc);
        vars.put("type", type.name());
        vars.put("today", LocalDate.now(clock));
        vars.put("css", Pdfs.BASE_CSS);
        return Pdfs.render(templates.process("escalation/pdf", new Context(Locale.SIMPLIFIED_CHINESE, vars)));
    }

    public byte[] commendationsXlsx(List<Views.Commendation> list) {
        List<List<Object>> rows = new ArrayList<>();
        for (Views.Commendation c : list) {
            rows.add(List.of(c.districtName(), category(c.category()), c.companyName(), c.bestPlace(),
                    c.bestScore() == null ? "" : c.bestScore(), c.estates(), c.schemeTitle(), c.period()));
        }
        return Spreadsheets.write(COMMENDATIONS, rows);
    }

    private static String category(String c) {
        return switch (c) {
            case "PROFESSIONAL" -> "专业化";
            case "BASIC" -> "保障型";
            default -> "全部";
        };
    }
}
