package cn.kaoping.streetassessment.year;

import cn.kaoping.platform.excel.LayoutSheet;
import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.scheme.engine.Evaluation;
import cn.kaoping.scheme.engine.Item;
import cn.kaoping.scheme.engine.Scheme;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A published quarter's documents: the 公示 PDF (the ranking with each street's total and place) and the seed-layout
 * Excel 考核标准 with one column of points per street (seed 001's annex), which at year end is what the street
 * offices' 绩效考核 takes.
 */
@Component
public class QuarterDocuments {

    private final ITemplateEngine templates;
    private final StreetScores scores;

    QuarterDocuments(ITemplateEngine templates, StreetScores scores) {
        this.templates = templates;
        this.scores = scores;
    }

    public byte[] gongshi(PublishedQuarters.Published pub) {
        Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable("css", Pdfs.BASE_CSS);
        ctx.setVariable("pub", pub);
        return Pdfs.render(templates.process("streetassessment/gongshi-pdf", ctx));
    }

    public byte[] xlsx(PublishedQuarters.Published pub) {
        Scheme scheme = scores.scheme(pub.year());
        String title = pub.year().districtName() + pub.year().year() + " 年第 " + pub.quarter().quarter() + " 季度"
                + scheme.title();
        List<List<String>> head = new ArrayList<>();
        for (String h : List.of("序号", "考察类别", "考核单位", "考核内容", "评分办法", "分值")) {
            head.add(List.of(title, h, h));
        }
        pub.lines().forEach(l -> head.add(List.of(title, "各街道得分", l.streetName())));
        int[] widths = new int[head.size()];
        int[] fixed = {6, 10, 12, 26, 40, 6};
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c < fixed.length ? fixed[c] : 12;
        }
        LayoutSheet sheet = new LayoutSheet("考核标准", head, widths, 4, Set.of(3, 4));
        int row = 1;
        for (Item item : scheme.items()) {
            List<Object> cells = new ArrayList<>(List.of(item.code(), text(item.group()), text(item.assessor()),
                    item.title(), text(item.standard()), item.max()));
            for (PublishedQuarters.Line l : pub.lines()) {
                BigDecimal points = l.snapshot().evaluation().items().stream()
                        .filter(i -> i.code().equals(item.code())).map(Evaluation.ItemScore::score).findFirst()
                        .orElse(null);
                cells.add(points == null ? "" : points);
            }
            sheet.add(cells);
            row++;
        }
        List<Object> total = new ArrayList<>(List.of("得分", "", "", "", "", scheme.max()));
        List<Object> place = new ArrayList<>(List.of("名次", "", "", "", "", ""));
        pub.lines().forEach(l -> {
            total.add(l.total());
            place.add(l.place());
        });
        sheet.add(total);
        sheet.add(place);
        sheet.note("截至 " + pub.quarter().asOf() + "；第 " + pub.quarter().revision() + " 版，公示于 "
                + pub.quarter().publishedAt().atZoneSameInstant(StreetScores.CHINA).toLocalDate()
                + (pub.quarter().reason() == null ? "" : "；修订理由：" + pub.quarter().reason()));
        return LayoutSheet.write(List.of(sheet));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
