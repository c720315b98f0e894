package cn.kaoping.survey.internal;

import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.platform.pdf.QrCodes;
import cn.kaoping.survey.internal.Views.IssuedCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printable A4 documents: sheets of cut-out code slips (ten per page) and one QR poster per building, rendered from
 * Thymeleaf templates to PDF with the shipped CJK font.
 */
@Component
public class SurveyDocuments {

    static final int SLIPS_PER_PAGE = 10;

    private final ITemplateEngine templates;

    SurveyDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A QR code of the text as a PNG data URI. */
    public static String qrDataUri(String text, int pixels) {
        return QrCodes.dataUri(text, pixels);
    }

    public byte[] slips(String title, String estateName, LocalDate endsOn, String link, List<IssuedCode> codes) {
        List<List<IssuedCode>> pages = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += SLIPS_PER_PAGE) {
            pages.add(codes.subList(i, Math.min(codes.size(), i + SLIPS_PER_PAGE)));
        }
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("title", title);
        ctx.setVariable("estate", estateName);
        ctx.setVariable("endsOn", endsOn);
        ctx.setVariable("link", link);
        ctx.setVariable("qr", qrDataUri(link + "?via=qr", 240));
        ctx.setVariable("pages", pages);
        return Pdfs.render(templates.process("surveys/slips", ctx));
    }

    public record Poster(String building, String link, String qr) {
    }

    public byte[] posters(String title, String estateName, LocalDate startsOn, LocalDate endsOn, String link,
                          List<String> buildings) {
        List<Poster> posters = new ArrayList<>();
        for (String b : buildings) {
            String url = link + "?via=qr&b=" + java.net.URLEncoder.encode(b, java.nio.charset.StandardCharsets.UTF_8);
            posters.add(new Poster(b, url, qrDataUri(url, 600)));
        }
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("title", title);
        ctx.setVariable("estate", estateName);
        ctx.setVariable("startsOn", startsOn);
        ctx.setVariable("endsOn", endsOn);
        ctx.setVariable("link", link);
        ctx.setVariable("posters", posters);
        return Pdfs.render(templates.process("surveys/posters", ctx));
    }
}
