package cn.kaoping.rectification.internal;

import cn.kaoping.platform.docx.OfficialDocx;
import cn.kaoping.platform.pdf.Pdfs;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import static cn.kaoping.platform.docx.OfficialDocx.fill;
import static cn.kaoping.platform.docx.OfficialDocx.paragraph;

/**
 * The notice as an official document 公文: Word (.docx through poi-tl, from a template built once in code) and PDF
 * (Thymeleaf XHTML through {@link Pdfs}, the CJK font embedded). Both carry the issuing body in red, the document
 * number, the addressee, the body, the problem table, the deadline, the acceptance method, issuing body and date.
 */
@Component
public class NoticeDocuments {

    private static final byte[] DOCX_TEMPLATE = docxTemplate();

    private final ITemplateEngine templates;

    NoticeDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] docx(Notice n, String body) {
        Map<String, Object> data = new LinkedHashMap<>(fields(n, body));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Problem p : n.problems()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("no", String.valueOf(p.position()));
            row.put("description", p.description());
            row.put("rule", p.ruleCode() == null ? "—" : p.ruleCode());
            row.put("points", points(p.pointsLost()));
            rows.add(row);
        }
        data.put("problems", rows);
        Configure config = Configure.builder().bind("problems", new LoopRowTableRenderPolicy()).build();
        return OfficialDocx.render(DOCX_TEMPLATE, config, data);
    }

    public byte[] pdf(Notice n, String body) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("n", n);
        ctx.setVariable("f", fields(n, body));
        ctx.setVariable("paragraphs", body.split("\\R+"));
        return Pdfs.render(templates.process("rectification/notice-document", ctx));
    }

    private static Map<String, String> fields(Notice n, String body) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("issuingBody", n.header().issuingBody());
        f.put("number", n.number() == null ? "（草稿，下达时编号）" : n.number());
        f.put("heading", n.header().heading());
        f.put("addressee", n.header().companyName() + "：");
        f.put("body", body);
        f.put("deadlineLine", "整改期限：" + (n.deadline() == null ? "下达之日起 " + n.header().deadlineDays() + " 日内"
                : chinese(n.deadline()) + "前"));
        f.put("acceptanceLine", "验收方式：" + n.header().acceptanceMethod());
        f.put("issuedOn", n.issuedOn() == null ? "" : chinese(n.issuedOn()));
        f.put("estate", n.header().estateName() + "（" + n.header().streetName() + "）");
        return f;
    }

    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String points(BigDecimal p) {
        return p == null ? "—" : p.stripTrailingZeros().toPlainString();
    }

    /** The Word template: 红头 (issuing body in red over a red rule), number, heading, text and a looped table. */
    private static byte[] docxTemplate() {
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "{{issuingBody}}", ParagraphAlignment.CENTER, 26, true, OfficialDocx.RED);
            paragraph(doc, "{{number}}", ParagraphAlignment.CENTER, 14, false, null);
            OfficialDocx.redRule(doc);
            paragraph(doc, "{{heading}}", ParagraphAlignment.CENTER, 20, true, null);
            paragraph(doc, "{{addressee}}", ParagraphAlignment.LEFT, 14, false, null);
            paragraph(doc, "{{body}}", ParagraphAlignment.LEFT, 14, false, null).setIndentationFirstLine(560);
            XWPFTable table = doc.createTable(2, 4);
            table.setWidth("100%");
            String[] heads = {"{{problems}}序号", "问题", "依据（规则）", "扣分"};
            String[] cells = {"[no]", "[description]", "[rule]", "[points]"};
            fill(table.getRow(0), heads, true);
            fill(table.getRow(1), cells, false);
            paragraph(doc, "{{deadlineLine}}", ParagraphAlignment.LEFT, 14, false, null);
            paragraph(doc, "{{acceptanceLine}}", ParagraphAlignment.LEFT, 14, false, null);
            paragraph(doc, "{{issuingBody}}", ParagraphAlignment.RIGHT, 14, false, null);
            paragraph(doc, "{{issuedOn}}", ParagraphAlignment.RIGHT, 14, false, null);
            return OfficialDocx.bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
