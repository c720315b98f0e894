package cn.kaoping.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.platform.pdf.Pdfs;
import org.apache.pdfbox.Loader;
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
}
