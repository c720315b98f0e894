package cn.kaoping.voting.internal;

import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.platform.pdf.QrCodes;
import cn.kaoping.voting.rules.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vote's printed documents: the sheets of ballot-code slips (ten a page, with the link's QR code) and the result
 * announcement 表决结果公告 with each proposal's count by area and headcount, the law's comparisons and the roll's
 * participation by channel. Never a unit's ballot.
 */
@Component
public class VoteDocuments {

    static final int SLIPS_PER_PAGE = 10;

    private final ITemplateEngine templates;
    private final JsonMapper json;

    VoteDocuments(ITemplateEngine templates, JsonMapper json) {
        this.templates = templates;
        this.json = json;
    }

    /** Each proposal's stored count. */
    public List<Tally> tallies(List<String> results) {
        return results.stream().map(r -> json.readValue(r, Tally.class)).toList();
    }

    public byte[] slips(IssueCodes.Slips slips, String link) {
        List<List<IssueCodes.Slip>> pages = new ArrayList<>();
        for (int i = 0; i < slips.slips().size(); i += SLIPS_PER_PAGE) {
            pages.add(slips.slips().subList(i, Math.min(slips.slips().size(), i + SLIPS_PER_PAGE)));
        }
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("vote", slips.vote().vote());
        ctx.setVariable("estate", slips.vote().estateName());
        ctx.setVariable("link", link);
        ctx.setVariable("qr", QrCodes.dataUri(link, 240));
        ctx.setVariable("pages", pages);
        return Pdfs.render(templates.process("voting/slips", ctx));
    }

    public byte[] result(VoteQueries.View view, List<Ballots.RollLine> roll) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("vote", view.vote());
        ctx.setVariable("estate", view.estateName());
        ctx.setVariable("p", view.participation());
        ctx.setVariable("tallies", tallies(view.results()));
        ctx.setVariable("phone", roll.stream().filter(l -> "PHONE".equals(l.channel())).count());
        ctx.setVariable("paper", roll.stream().filter(l -> "PAPER".equals(l.channel())).count());
        ctx.setVariable("units", roll.size());
        return Pdfs.render(templates.process("voting/result", ctx));
    }
}
