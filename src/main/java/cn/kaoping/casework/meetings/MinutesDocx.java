package cn.kaoping.casework.meetings;

import static cn.kaoping.platform.docx.OfficialDocx.paragraph;

import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.docx.OfficialDocx;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.stereotype.Component;

/**
 * The 会议纪要 of a joint meeting as a Word document in official-document layout, for the archive and for sending to
 * the units (seed 003 二、(一)2: 会议纪要存档): the street office in red over a red rule, topic, date, place, the units
 * that came, the minutes, the work orders the meeting was about, and the decisions with unit and deadline (poi-tl,
 * from a template built once in code).
 */
@Component
public class MinutesDocx {

    private static final byte[] TEMPLATE = template();

    private final OrganisationDirectory directory;

    MinutesDocx(OrganisationDirectory directory) {
        this.directory = directory;
    }

    public byte[] docx(JointMeetings.View v) {
        JointMeeting m = v.meeting();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("issuingBody", directory.region(m.regionId()).map(r -> r.name()).orElse("") + "办事处");
        data.put("heading", "联席会议纪要");
        data.put("meta", "议题：" + m.topic() + "\n时间：" + m.heldOn() + "\n地点：" + (m.place() == null ? "—" : m.place()));
        data.put("attended", "到会单位：" + String.join("、", v.units().stream()
                .filter(u -> Boolean.TRUE.equals(u.attended())).map(Meetings.Invited::name).toList()));
        data.put("minutes", m.minutes() == null ? "" : m.minutes());
        data.put("about", v.complaints().isEmpty() ? "本次会议未关联投诉工单。" : "本次会议研究的投诉工单：" + String.join("；",
                v.complaints().stream().map(c -> "工单 " + c.id() + "（" + c.estateName() + "，" + c.categoryName()
                        + "）").toList()) + "。");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MeetingDecision d : v.decisions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("no", String.valueOf(d.position()));
            row.put("issue", d.issue());
            row.put("handling", d.handling());
            row.put("unit", d.unitName());
            row.put("due", d.due().toString());
            rows.add(row);
        }
        data.put("decisions", rows);
        data.put("closing", "以上议定事项由街道办事处组织落实，负责单位按时限办结并报告落实情况。");
        Configure config = Configure.builder().bind("decisions", new LoopRowTableRenderPolicy()).build();
        return OfficialDocx.render(TEMPLATE, config, data);
    }

    private static byte[] template() {
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "{{issuingBody}}", ParagraphAlignment.CENTER, 26, true, OfficialDocx.RED);
            OfficialDocx.redRule(doc);
            paragraph(doc, "{{heading}}", ParagraphAlignment.CENTER, 20, true, null);
            paragraph(doc, "{{meta}}", ParagraphAlignment.LEFT, 14, false, null);
            paragraph(doc, "{{attended}}", ParagraphAlignment.LEFT, 14, false, null);
            paragraph(doc, "{{minutes}}", ParagraphAlignment.LEFT, 14, false, null).setIndentationFirstLine(560);
            paragraph(doc, "{{about}}", ParagraphAlignment.LEFT, 14, false, null);
            paragraph(doc, "议定事项", ParagraphAlignment.LEFT, 14, true, null);
            XWPFTable table = doc.createTable(2, 5);
            table.setWidth("100%");
            OfficialDocx.fill(table.getRow(0), new String[] {"{{decisions}}序号", "问题", "处理办法", "负责单位", "完成时限"},
                    true);
            OfficialDocx.fill(table.getRow(1), new String[] {"[no]", "[issue]", "[handling]", "[unit]", "[due]"},
                    false);
            paragraph(doc, "{{closing}}", ParagraphAlignment.LEFT, 14, false, null).setIndentationFirstLine(560);
            paragraph(doc, "{{issuingBody}}", ParagraphAlignment.RIGHT, 14, false, null);
            return OfficialDocx.bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
