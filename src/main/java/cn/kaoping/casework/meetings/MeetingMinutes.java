package cn.kaoping.casework.meetings;

import cn.kaoping.platform.pdf.Pdfs;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The 会议纪要 of a joint meeting as a PDF in official-document layout (for the archive: 会议纪要存档). */
@Component
public class MeetingMinutes {

    private final ITemplateEngine templates;

    MeetingMinutes(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] pdf(JointMeetings.View v) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("v", v);
        return Pdfs.render(templates.process("casework/minutes-pdf", ctx));
    }
}
