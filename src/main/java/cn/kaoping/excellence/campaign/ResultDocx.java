package cn.kaoping.excellence.campaign;

import cn.kaoping.platform.docx.OfficialDocx;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.kaoping.platform.docx.OfficialDocx.paragraph;

/**
 * The published result as a Word document in official-document layout (seed 002 二、6: 由杭州市物业管理协会发文公布):
 * the association in red over a red rule, the document number, the heading, and the retained and revoked titles as
 * two tables (poi-tl, from a template built once in code).
 */
@Component
public class ResultDocx {

    private static final byte[] TEMPLATE = template();

    private final HonourStore store;
    private final cn.kaoping.organisation.OrganisationDirectory directory;

    ResultDocx(HonourStore store, cn.kaoping.organisation.OrganisationDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** The document, issued by the association of the campaign's city (its region's name + 物业管理协会). */
    public byte[] docx(HonourStore.Campaign c) {
        String issuingBody = directory.region(c.regionId()).map(r -> r.name()).orElse("") + "物业管理协会";
        List<HonourStore.Entry> entries = store.entries(c.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("issuingBody", issuingBody);
        data.put("number", c.documentNo() == null ? "" : c.documentNo());
        data.put("heading", "关于公布" + c.title() + "结果的通知");
        data.put("lead", "根据" + c.title() + "工作方案，经梳理确认、小区公示、企业申报、业主满意率调查、专家考评、社区居民委员会评价和"
                + "社会公示，现将复评结果公布如下。复评结果同时报送市、区行业主管部门。");
        data.put("retained", rows(entries, "RETAIN"));
        data.put("revoked", rows(entries, "REVOKE"));
        Configure config = Configure.builder().bind("retained", new LoopRowTableRenderPolicy())
                .bind("revoked", new LoopRowTableRenderPolicy()).build();
        return OfficialDocx.render(TEMPLATE, config, data);
    }

    private static List<Map<String, Object>> rows(List<HonourStore.Entry> entries, String result) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HonourStore.Entry e : entries) {
            if (result.equals(e.proposed())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("no", String.valueOf(rows.size() + 1));
                row.put("estate", e.honour().estateName());
                row.put("company", e.honour().companyName() == null ? "" : e.honour().companyName());
                row.put("reason", result.equals("RETAIN") ? "继续保留" : Publication.reason(e));
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] template() {
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "{{issuingBody}}", ParagraphAlignment.CENTER, 26, true, OfficialDocx.RED);
            paragraph(doc, "{{number}}", ParagraphAlignment.CENTER, 14, false, null);
            OfficialDocx.redRule(doc);
            paragraph(doc, "{{heading}}", ParagraphAlignment.CENTER, 20, true, null);
            paragraph(doc, "{{lead}}", ParagraphAlignment.LEFT, 14, false, null).setIndentationFirstLine(560);
            paragraph(doc, "一、继续保留“市优”称号的项目", ParagraphAlignment.LEFT, 14, true, null);
            table(doc, "retained", "结论");
            paragraph(doc, "二、取消“市优”称号的项目", ParagraphAlignment.LEFT, 14, true, null);
            table(doc, "revoked", "取消原因");
            paragraph(doc, "{{issuingBody}}", ParagraphAlignment.RIGHT, 14, false, null);
            return OfficialDocx.bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFDocument doc, String loop, String last) {
        XWPFTable table = doc.createTable(2, 4);
        table.setWidth("100%");
        String[] heads = {"{{" + loop + "}}序号", "项目", "物业服务企业（获评时）", last};
        String[] cells = {"[no]", "[estate]", "[company]", "[reason]"};
        OfficialDocx.fill(table.getRow(0), heads, true);
        OfficialDocx.fill(table.getRow(1), cells, false);
    }
}
