package cn.kaoping.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.platform.pdf.Pdfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfsTests {

    @Test
    void chineseTextIsEmbeddedWithTheShippedFontAndCanBeReadBack() throws Exception {
        byte[] pdf = Pdfs.render("<html><head><style>" + Pdfs.BASE_CSS + "</style></head><body>"
                + "<h1>整改通知书</h1><table><tr><th>序号</th><td>保安缺岗 5 次</td></tr></table></body></html>");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("整改通知书").contains("保安缺岗 5 次");
            assertThat(doc.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }

    @Test
    void symbolsTheChineseFontLacksAreDrawnFromTheFallbackNotAsHashes() throws Exception {
        String line = "满意率≥90% × 2 → 第二档 — 业主·住户 “销号” 1÷4 2020–2021 5 m²";
        byte[] pdf = Pdfs.render("<html><head><style>" + Pdfs.BASE_CSS + "</style></head><body><p>" + line
                + "</p></body></html>");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).strip()).isEqualTo(line);
        }
    }

    /** Every character a template, message bundle or scheme may print has a glyph in one of the two fonts. */
    @Test
    void everyCharacterOfTemplatesBundlesAndSchemesHasAGlyph() throws IOException {
        CmapLookup cjk = cmap(Pdfs.CJK_FONT);
        CmapLookup symbols = cmap(Pdfs.SYMBOL_FONT);
        TreeSet<String> missing = new TreeSet<>();
        Path resources = Path.of("src/main/resources");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(resources)) {
            files = walk.filter(p -> p.toString().matches(".*\\.(html|properties|yaml)$")).toList();
        }
        for (Path f : files) {
            Files.readString(f).codePoints().filter(c -> c > 126 && !Character.isWhitespace(c) && c != 0xFEFF)
                    .filter(c -> cjk.getGlyphId(c) == 0 && symbols.getGlyphId(c) == 0)
                    .forEach(c -> missing.add(new String(Character.toChars(c)) + " U+"
                            + Integer.toHexString(c).toUpperCase() + " in " + resources.relativize(f)));
        }
        assertThat(missing).isEmpty();
    }

    private static CmapLookup cmap(String resource) throws IOException {
        try (InputStream in = Pdfs.class.getResourceAsStream(resource)) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            return font.getUnicodeCmapLookup();
        }
    }
}
