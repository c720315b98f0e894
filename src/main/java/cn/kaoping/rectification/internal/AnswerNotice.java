package cn.kaoping.rectification.internal;

import cn.kaoping.audit.AuditLog;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's answer to a notice: what it did about each problem, photos, and the submission to acceptance.
 */
@Service
public class AnswerNotice {

    private final NoticeQueries queries;
    private final Notices notices;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    AnswerNotice(NoticeQueries queries, Notices notices, FileStore files, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Evidence photos: JPEG, PNG or WebP by content, at most 10 MB each. */
    public static final UploadPolicy PHOTOS = UploadPolicy.photos(10);

    // ---------------------------------------------------------------- the company's answer

    /** The company writes what it did about a problem (kept while the notice is open for answers). */
    @Transactional
    public void answer(KaopingPrincipal p, long id, long problemId, String text) {
        Notice n = queries.answering(p, id);
        String before = n.problem(problemId).answer();
        Problem pr = n.answer(problemId, text);
        notices.saveProblem(pr, p.username(), OffsetDateTime.now(clock), true, false);
        notices.step(id, problemId, "ANSWERED", pr.answer(), p.displayName(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "ANSWER", "rectification_problem", problemId, "填写整改情况：" + n.number()
                + " 问题" + pr.position(), before == null ? null : Map.of("answer", before),
                Map.of("answer", pr.answer()));
    }

    /** The company adds a photo of the rectified problem. */
    @Transactional
    public long addAnswerPhoto(KaopingPrincipal p, long id, long problemId, byte[] content, String filename) {
        Notice n = queries.answering(p, id);
        Problem pr = n.requireAnswerable(problemId);
        StoredFile file = files.store(content, filename, p.username(), PHOTOS);
        long photo = notices.addPhoto(problemId, "ANSWER", file.id(), p.username(), OffsetDateTime.now(clock));
        notices.step(id, problemId, "PHOTO", filename, p.displayName(), OffsetDateTime.now(clock));
        audit.recordAs(p.username(), "ADD_PHOTO", "rectification_problem", problemId, "上传整改照片：" + n.number()
                + " 问题" + pr.position(), null, Map.of("sha256", file.sha256(), "type", file.contentType(),
                "size", file.size()));
        return photo;
    }

    /** The company submits its answers to the acceptance inspection. */
    @Transactional
    public void submit(KaopingPrincipal p, long id) {
        Notice n = queries.answering(p, id);
        List<Problem> submitted = n.submit();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Problem pr : submitted) {
            notices.saveProblem(pr, p.username(), now, false, false);
            notices.step(id, pr.id(), "SUBMITTED", null, p.displayName(), now);
        }
        notices.saveNotice(n, null, now);
        audit.recordAs(p.username(), "SUBMIT", "rectification_notice", id, "报送整改情况：" + n.number() + "，"
                + submitted.size() + " 个问题", Map.of("status", "ISSUED"), Map.of("status", "SUBMITTED"));
    }
}
