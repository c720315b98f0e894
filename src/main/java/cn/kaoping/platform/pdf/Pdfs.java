package cn.kaoping.platform.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders XHTML (e.g. a Thymeleaf template rendered to a string) to PDF with openhtmltopdf. The shipped CJK font
 * (Droid Sans Fallback) is registered as the family {@value #CJK_FAMILY}, so Chinese renders on a fresh machine;
 * documents should use {@code font-family: 'Kaoping CJK', 'Kaoping Symbols'} (the base style below does so).
 * Droid Sans Fallback lacks ≥ × ÷ → — · “ ” and a few more (the score sheet printed "≥" as "#", issue 21), so
 * Liberation Sans, shipped inside PDFBox itself, is registered as {@value #SYMBOL_FAMILY} and supplies every glyph
 * the first font does not have.
 */
public final class Pdfs {

    public static final String CJK_FAMILY = "Kaoping CJK";

    /** The fallback family for punctuation and symbols the CJK font lacks. */
    public static final String SYMBOL_FAMILY = "Kaoping Symbols";

    /** The CJK font, shipped in the repository. */
    public static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf";

    /** Liberation Sans (SIL Open Font License), shipped in the PDFBox jar the renderer already depends on. */
    public static final String SYMBOL_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** A base style for official documents: A4, 2.5 cm margins, the CJK font, simple ruled tables. */
    public static final String BASE_CSS = """
            @page { size: A4; margin: 2.5cm 2.2cm; }
            body { font-family: 'Kaoping CJK', 'Kaoping Symbols'; font-size: 11pt; line-height: 1.5; }
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
            builder.useFont(() -> Pdfs.class.getResourceAsStream(CJK_FONT), CJK_FAMILY);
            builder.useFont(() -> Pdfs.class.getResourceAsStream(SYMBOL_FONT), SYMBOL_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
