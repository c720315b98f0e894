package cn.kaoping.inspection.internal;

import cn.kaoping.inspection.internal.SeedTables.EstateScores;
import cn.kaoping.platform.excel.LayoutSheet;
import cn.kaoping.scheme.engine.Scheme;
import cn.kaoping.shared.ConflictException;
import cn.kaoping.shared.KaopingPrincipal;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published round as the seed's own annex table (.xlsx), read from the latest immutable snapshot: for a scheme
 * scored per estate the 评分细则 with one column per estate and the points lost per row (seed 004, Erqi); for a
 * scheme that assesses street offices ({@code subject: street-office}) the 考核标准 with the 各街道得分 columns
 * (seed 001, Xigang). The viewer sees the estates he may see in the round's result table; a street office's column
 * is shown only to one who sees all of that street's estates, so that it is never a mean over part of a street.
 */
@Service
public class SeedLayoutExports {

    private final RoundService rounds;
    private final Rounds store;
    private final Scoring scoring;
    private final JdbcClient jdbc;

    SeedLayoutExports(RoundService rounds, Rounds store, Scoring scoring, JdbcClient jdbc) {
        this.rounds = rounds;
        this.store = store;
        this.scoring = scoring;
        this.jdbc = jdbc;
    }

    /**
     * The workbook of a published round.
     *
     * @throws cn.kaoping.shared.NotFoundException when the viewer may not see the round
     * @throws ConflictException                   before publication, or for a scheme of weighted parts
     */
    @Transactional(readOnly = true)
    public byte[] xlsx(KaopingPrincipal p, long roundId) {
        Round round = rounds.get(p, roundId);
        if (round.status() != RoundStatus.PUBLISHED) {
            throw new ConflictException("轮次" + round.status().label() + "，结果公布后方可导出原表格式考评表");
        }
        Scheme scheme = scoring.scheme(round);
        if (scheme.composite()) {
            throw new ConflictException("考评标准“" + scheme.title() + "”按加权组成部分计分，没有逐项考评表格");
        }
        Rounds.RoundResult latest = store.results(roundId).get(0);
        SeedTables.Source source = new SeedTables.Source(round.name(), round.period().code(), latest.revision(),
                latest.publishedAt(), latest.contentHash());
        Published published = published(p, roundId, latest.revision());
        if ("street-office".equals(scheme.setting("subject").orElse(null))) {
            return LayoutSheet.write(List.of(SeedTables.streetColumns(scheme, published.ofCompleteStreets(), source)));
        }
        return LayoutSheet.write(SeedTables.estateColumns(scheme, published.visible(), source));
    }

    /** The estates of a revision, each with its item scores and whether the viewer may see it. */
    private Published published(KaopingPrincipal p, long roundId, int revision) {
        Scope.SqlCondition scope = Scope.inspections(p);
        Map<Long, Row> rows = new LinkedHashMap<>();
        JdbcClient.StatementSpec sql = jdbc.sql("""
                WITH visible AS (
                    SELECT i.id FROM inspection i JOIN round r ON r.id = i.round_id
                    WHERE i.round_id = :round AND %s)
                SELECT (e ->> 'inspectionId')::bigint AS inspection_id, (e ->> 'estateId')::bigint AS estate_id,
                       e ->> 'estateName' AS estate_name, (e ->> 'streetId')::bigint AS street_id,
                       e ->> 'streetName' AS street_name, (e ->> 'total')::numeric AS total,
                       e ->> 'gradeLabel' AS grade_label,
                       (e ->> 'inspectionId')::bigint IN (SELECT id FROM visible) AS visible,
                       it ->> 'code' AS item, (it ->> 'score')::numeric AS score
                FROM round_result rr
                CROSS JOIN LATERAL jsonb_array_elements(rr.content -> 'estates') e
                LEFT JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(e -> 'evaluation' -> 'items')
                        WHEN 'array' THEN e -> 'evaluation' -> 'items' ELSE '[]'::jsonb END) it ON true
                WHERE rr.round_id = :round AND rr.revision = :revision""".formatted(scope.sql()))
                .param("round", roundId).param("revision", revision);
        scope.params().forEach(sql::param);
        sql.query((rs, i) -> {
            EstateScores estate = new EstateScores(rs.getLong("inspection_id"), rs.getLong("estate_id"),
                    rs.getString("estate_name"), rs.getLong("street_id"), rs.getString("street_name"),
                    rs.getBigDecimal("total"), rs.getString("grade_label"), new HashMap<>());
            boolean visible = rs.getBoolean("visible");
            Row row = rows.computeIfAbsent(estate.inspectionId(), id -> new Row(estate, visible));
            String item = rs.getString("item");
            BigDecimal score = rs.getBigDecimal("score");
            if (item != null && score != null) {
                row.scores().items().put(item, score);
            }
            return row;
        }).list();
        return new Published(List.copyOf(rows.values()));
    }

    private record Row(EstateScores scores, boolean visible) {
    }

    private record Published(List<Row> rows) {

        List<EstateScores> visible() {
            return rows.stream().filter(Row::visible).map(Row::scores).toList();
        }

        /** The estates of the streets whose every estate the viewer sees. */
        List<EstateScores> ofCompleteStreets() {
            Set<Long> partial = new HashSet<>();
            rows.stream().filter(r -> !r.visible()).forEach(r -> partial.add(r.scores().streetId()));
            return rows.stream().map(Row::scores).filter(s -> !partial.contains(s.streetId())).toList();
        }
    }
}
