package cn.kaoping.casework;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The public league of street offices by on-time closure (issue 14; FixMyStreet's responsiveness): complaints closed
 * by their deadline ÷ complaints received in the period, those pushed back as not the street's matter left out. A
 * street with fewer valid complaints than the minimum sample ({@code kaoping.casework.league-min-sample}, default 20)
 * is listed apart and not ranked, so three lucky complaints do not top the league. Equal rates share a place.
 */
@Service
public class ComplaintLeague {

    private final ComplaintFigures figures;
    private final int minSample;

    ComplaintLeague(ComplaintFigures figures, @Value("${kaoping.casework.league-min-sample:20}") int minSample) {
        this.figures = figures;
        this.minSample = minSample;
    }

    /** A street's line; {@code place} is null for a street below the minimum sample. */
    public record Line(Integer place, long streetId, String street, long valid, long closedOnTime, BigDecimal rate) {
    }

    public record League(LocalDate from, LocalDate to, int minSample, List<Line> ranked, List<Line> belowSample) {
    }

    @Transactional(readOnly = true)
    public League of(String regionPath, LocalDate from, LocalDate to) {
        return rank(figures.byStreet(regionPath, from, to), minSample, from, to);
    }

    /** The league of the given street figures: a plain function, so that its rule is tested without a database. */
    public static League rank(List<ComplaintFigures.Group> streets, int minSample, LocalDate from, LocalDate to) {
        List<Line> ranked = new ArrayList<>();
        List<Line> below = new ArrayList<>();
        for (ComplaintFigures.Group g : streets) {
            long valid = g.figures().received() - g.figures().pushedBack();
            BigDecimal rate = valid == 0 ? null : BigDecimal.valueOf(g.figures().closedOnTime() * 100L)
                    .divide(BigDecimal.valueOf(valid), 1, RoundingMode.DOWN);
            Line line = new Line(null, g.id(), g.name(), valid, g.figures().closedOnTime(), rate);
            (valid >= minSample ? ranked : below).add(line);
        }
        // exact comparison by cross-multiplication, so that 1/3 and 2/6 tie whatever the rounding shown
        Comparator<Line> byRate = (a, b) -> Long.compare(b.closedOnTime() * a.valid(), a.closedOnTime() * b.valid());
        ranked.sort(byRate.thenComparing(Line::street));
        List<Line> placed = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Line l = ranked.get(i);
            int place = i > 0 && byRate.compare(ranked.get(i - 1), l) == 0 ? placed.get(i - 1).place() : i + 1;
            placed.add(new Line(place, l.streetId(), l.street(), l.valid(), l.closedOnTime(), l.rate()));
        }
        below.sort(Comparator.comparing(Line::street));
        return new League(from, to, minSample, placed, below);
    }
}
