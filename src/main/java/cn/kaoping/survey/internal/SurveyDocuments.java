package cn.kaoping.survey.internal;

import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.survey.internal.Views.IssuedCode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, pixels, pixels,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
