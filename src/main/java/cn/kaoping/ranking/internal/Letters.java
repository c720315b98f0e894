package cn.kaoping.ranking.internal;

import cn.kaoping.platform.pdf.Pdfs;
import cn.kaoping.ranking.RankingEntry;
import cn.kaoping.ranking.RankingSummary;
import cn.kaoping.ranking.Rankings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The owners' committees' inbox (seed 000: 街道办事处将每次排名靠前、靠后住宅小区名单通报至其所在业主委员会): for each
 * complete ranking holding their estate, a letter from the street office with the estate's score, grade and places
 * and the district's top and bottom lists, readable on screen and printable as PDF.
 */
@Service
public class Letters {

    /** A letter in the inbox. */
    public record Letter(RankingSummary ranking, RankingEntry entry, boolean read) {
    }

    /** What a letter says: the estate's entry and the lists of its district and category. */
    public record LetterContent(RankingSummary ranking, RankingEntry entry, List<RankingEntry> top,
                                List<RankingEntry> bottom, LocalDate date) {
    }

    private final Rankings rankings;
    private final JdbcClient jdbc;
    private final TemplateEngine templates;
    private final Clock clock;

    Letters(Rankings rankings, JdbcClient jdbc, TemplateEngine templates, Clock clock) {
        this.rankings = rankings;
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
    }

    /** The letters of an estate, newest period first. */
    @Transactional(readOnly = true)
    public List<Letter> inbox(long estateId) {
        List<Long> read = jdbc.sql("SELECT ranking_id FROM ranking_letter_read WHERE estate_id = :e")
                .param("e", estateId).query(Long.class).list();
        return rankings.history(estateId).stream().filter(s -> s.ranking().complete())
                .map(s -> new Letter(s.ranking(), s.entry(), read.contains(s.ranking().id())))
                .sorted((a, b) -> b.ranking().periodEnd().compareTo(a.ranking().periodEnd()))
                .toList();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<LetterContent> content(long rankingId, long estateId) {
        return rankings.find(rankingId).filter(RankingSummary::complete)
                .flatMap(r -> rankings.entry(rankingId, estateId).map(e -> new LetterContent(r, e,
                        rankings.top(rankingId, e.districtId(), e.category()),
                        rankings.bottom(rankingId, e.districtId(), e.category()), LocalDate.now(clock))));
    }

    /** Records that a committee member opened the letter (the first time only). */
    @Transactional
    public void markRead(long rankingId, long estateId, String username) {
        jdbc.sql("""
                INSERT INTO ranking_letter_read (ranking_id, estate_id, read_by, read_at)
                VALUES (:r, :e, :by, :at) ON CONFLICT DO NOTHING""")
                .param("r", rankingId).param("e", estateId).param("by", username)
                .param("at", OffsetDateTime.now(clock)).update();
    }

    public byte[] pdf(LetterContent content) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("letter", content);
        vars.put("css", Pdfs.BASE_CSS);
        return Pdfs.render(templates.process("rankings/letter-pdf", new Context(Locale.SIMPLIFIED_CHINESE, vars)));
    }
}
