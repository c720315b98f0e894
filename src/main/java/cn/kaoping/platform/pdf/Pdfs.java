package cn.kaoping.platform.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders XHTML (e.g. a Thymeleaf template rendered to a string) to PDF with openhtmltopdf. The shipped CJK font
 * (Droid Sans Fallback) is registered as the family {@value #CJK_FAMILY}, so Chinese renders on a fresh machine;
 * documents should use {@code font-family: 'Kaoping CJK'} (the base style below does so).
 */
public final class Pdfs {

    public static final String CJK_FAMILY = "Kaoping CJK";

    /** A base style for official documents: A4, 2.5 cm margins, the CJK font, simple ruled tables. */
    public static final String BASE_CSS = """
            @page { size: A4; margin: 2.5cm 2.2cm; }
            body { font-family: 'Kaoping CJK'; font-size: 11pt; line-height: 1.5; }
            h1 { font-size: 18pt; text-align: center; font-weight: normal; margin: 0 0 12pt; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: top; }
            th { background: #eee; }
            """;

    private Pdfs() {
    }

    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> Pdfs.class.getResourceAsStream("/fonts/DroidSansFallbackFull.ttf"), CJK_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
