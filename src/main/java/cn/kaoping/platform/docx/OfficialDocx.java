package cn.kaoping.platform.docx;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The pieces of an official document 公文 in Word that the modules' poi-tl templates are built from: paragraphs in
 * 仿宋 at a given size, the issuing body in red over a red rule (红头), and the finished template's bytes.
 */
public final class OfficialDocx {

    public static final String RED = "FF0000";

    private OfficialDocx() {
    }

    public static XWPFParagraph paragraph(XWPFDocument doc, String text, ParagraphAlignment align, int size,
                                          boolean bold, String color) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        run(p, text, size, bold, color);
        return p;
    }

    /** A run of 仿宋 text; {@code color} an RGB hex such as {@link #RED}, or null. */
    public static void run(XWPFParagraph p, String text, int size, boolean bold, String color) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily("仿宋", XWPFRun.FontCharRange.eastAsia);
        if (color != null) {
            r.setColor(color);
        }
    }

    /** The red rule under the issuing body. */
    public static void redRule(XWPFDocument doc) {
        XWPFParagraph rule = doc.createParagraph();
        rule.setBorderBottom(Borders.SINGLE);
        rule.getCTP().getPPr().getPBdr().getBottom().setColor(RED);
    }

    /** A table row's cells, one text each, in 12-point 仿宋 (a poi-tl loop row holds the {@code [field]} tags). */
    public static void fill(XWPFTableRow row, String[] texts, boolean bold) {
        for (int i = 0; i < texts.length; i++) {
            run(row.getCell(i).getParagraphs().get(0), texts[i], 12, bold, null);
        }
    }

    /** The template filled with the data by poi-tl. */
    public static byte[] render(byte[] template, Configure config, java.util.Map<String, Object> data) {
        try (XWPFTemplate t = XWPFTemplate.compile(new ByteArrayInputStream(template), config).render(data)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(XWPFDocument doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
