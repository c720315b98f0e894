package cn.kaoping.ranking.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.idev.excel.FastExcel;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.PeriodKind;
import cn.kaoping.support.Browserless;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a dashboard as its user does: the tables of the page and the cells of the exported workbooks. */
final class DashboardFixture {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    private DashboardFixture() {
    }

    static RankingSummary roundRanking(List<RankingSummary> computed) {
        return computed.stream().filter(r -> r.kind() == PeriodKind.ROUND).findFirst().orElseThrow();
    }

    /** The header and body cells of the page's table of a chart; empty when the page shows no table for it. */
    static List<List<String>> table(String html, String chart) {
        Matcher t = Pattern.compile("<table[^>]*id=\"table-" + Pattern.quote(chart) + "\"[^>]*>(.*?)</table>",
                Pattern.DOTALL).matcher(html);
        List<List<String>> rows = new ArrayList<>();
        if (!t.find()) {
            return rows;
        }
        Matcher r = ROW.matcher(t.group(1));
        while (r.find()) {
            List<String> cells = new ArrayList<>();
            Matcher c = CELL.matcher(r.group(1));
            while (c.find()) {
                cells.add(unescape(c.group(1).replaceAll("<[^>]+>", "").trim()));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static HttpResponse<byte[]> download(int port, Browserless session, String path) {
        try {
            return HttpClient.newBuilder().cookieHandler(session.cookies()).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the first sheet, the header row included, as the texts FastExcel reads. */
    static List<List<String>> cells(byte[] xlsx) {
        List<Map<Integer, String>> read = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0).headRowNumber(0)
                .doReadSync();
        int width = read.isEmpty() ? 0 : read.get(0).size();
        List<List<String>> rows = new ArrayList<>();
        for (Map<Integer, String> r : read) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                String v = r.get(i);
                row.add(v == null ? "" : v.trim());
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * The workbook holds the page table's numbers: same headers, same rows, each number equal in value (the page
     * writes 87.50, the sheet keeps the number 87.5), a dash on the page an empty cell in the sheet.
     */
    static void assertSameFigures(List<List<String>> page, List<List<String>> sheet, String headerOnlyWhenEmpty) {
        if (page.isEmpty()) {
            assertThat(sheet).as(headerOnlyWhenEmpty + ": an empty table exports its header only").hasSize(1);
            return;
        }
        assertThat(sheet).as(headerOnlyWhenEmpty).hasSameSizeAs(page);
        for (int i = 0; i < page.size(); i++) {
            assertThat(sheet.get(i)).as(headerOnlyWhenEmpty + " row " + i).hasSameSizeAs(page.get(i));
            for (int j = 0; j < page.get(i).size(); j++) {
                String p = page.get(i).get(j);
                String s = sheet.get(i).get(j);
                String where = headerOnlyWhenEmpty + " row " + i + " column " + j;
                if (p.equals(Table.NONE)) {
                    assertThat(s).as(where).isEmpty();
                } else if (number(p)) {
                    assertThat(new BigDecimal(s)).as(where).isEqualByComparingTo(new BigDecimal(p));
                } else {
                    assertThat(s).as(where).isEqualTo(p);
                }
            }
        }
    }

    private static boolean number(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }
}
