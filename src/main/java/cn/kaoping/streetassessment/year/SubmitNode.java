package cn.kaoping.streetassessment.year;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.storage.ContentTypes;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A street office submits its material for a node 报送 (issue 15): text, files and photos, and the numbers the row
 * asks for (e.g. 本年度完成组建业委会的小区数). The submission time is the server's, never typed. A node awaiting
 * review or accepted takes no new submission; a returned one takes the corrected material (late when after the node).
 */
@Service
public class SubmitNode {

    /** Photos and PDF documents, at most 10 MB each. */
    public static final UploadPolicy MATERIAL = new UploadPolicy(Set.of(ContentTypes.JPEG, ContentTypes.PNG,
            ContentTypes.WEBP, ContentTypes.PDF), 10 * UploadPolicy.MB, "JPEG、PNG、WebP 图片或 PDF 文件");
    public static final int MAX_FILES = 9;
    public static final int MAX_FIGURES = 5;

    private final AssessmentStore store;
    private final Years years;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    SubmitNode(AssessmentStore store, Years years, FileStore files, AuditLog audit, Clock clock) {
        this.store = store;
        this.years = years;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** An uploaded file. */
    public record Upload(String name, byte[] content) {
    }

    /** A number the row asks for, as typed: its name and value. */
    public record Figure(String name, String value) {
    }

    @Transactional
    public long submit(KaopingPrincipal p, long nodeId, String note, List<Figure> figures, List<Upload> uploads) {
        Years.NodeInYear at = years.node(p, nodeId);
        if (!AssessmentAccess.submitsFor(p, at.street().path())) {
            throw new ForbiddenException("只有本街道办事处可以报送");
        }
        Node node = store.lockNode(nodeId).orElseThrow();
        Node submitted = node.submit();
        List<FieldProblem> problems = new ArrayList<>();
        if (note == null || note.isBlank() || note.length() > 5000) {
            problems.add(new FieldProblem("note", "请填写报送说明（最多 5000 字）"));
        }
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        List<Figure> typed = figures == null ? List.of() : figures.stream()
                .filter(f -> f.name() != null && !f.name().isBlank()).toList();
        if (typed.size() > MAX_FIGURES) {
            problems.add(new FieldProblem("figures", "最多填写 " + MAX_FIGURES + " 项报送数据"));
        }
        for (Figure f : typed) {
            BigDecimal v = decimal(f.value());
            if (f.name().length() > 50 || v == null || numbers.putIfAbsent(f.name().strip(), v) != null) {
                problems.add(new FieldProblem("figures", "报送数据“" + abbreviate(f.name())
                        + "”须有不超过 50 字的名称和一个数值，名称不能重复"));
            }
        }
        List<Upload> given = uploads == null ? List.of() : uploads.stream()
                .filter(u -> u.content() != null && u.content().length > 0).toList();
        if (given.size() > MAX_FILES) {
            problems.add(new FieldProblem("file", "每次最多上传 " + MAX_FILES + " 个文件"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = store.insertSubmission(nodeId, note.strip(), numbers, p.username(), now);
        for (Upload u : given) {
            StoredFile stored = files.store(u.content(), u.name(), p.username(), MATERIAL);
            store.attach(id, stored.id(), u.name() == null || u.name().isBlank() ? "附件" : abbreviate(u.name()));
        }
        store.save(submitted);
        boolean late = node.lateOn(now.atZoneSameInstant(StreetScores.CHINA).toLocalDate());
        audit.recordAs(p.username(), "SUBMIT", "street_assessment_node", nodeId, at.street().name() + " 报送 "
                + node.ruleCode() + " " + node.label() + "（截止 " + node.due() + (late ? "，逾期" : "") + "）", null,
                Map.of("submission", id, "files", given.size(), "late", late));
        return id;
    }

    private static BigDecimal decimal(String s) {
        if (s == null || s.isBlank() || s.strip().length() > 20) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
