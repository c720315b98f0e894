package cn.kaoping.rectification.internal;

import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.KaopingPrincipal;
import java.time.Clock;
import java.time.OffsetDateTime;
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
    private final NoticeTransitions transitions;
    private final Clock clock;

    AnswerNotice(NoticeQueries queries, Notices notices, FileStore files, NoticeTransitions transitions, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.files = files;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Evidence photos: JPEG, PNG or WebP by content, at most 10 MB each. */
    public static final UploadPolicy PHOTOS = UploadPolicy.photos(10);

    // ---------------------------------------------------------------- the company's answer

    /** The company writes what it did about a problem (kept while the notice is open for answers). */
    @Transactional
    public void answer(KaopingPrincipal p, long id, long problemId, String text) {
        Notice n = queries.answering(p, id);
        n.answer(problemId, text);
        transitions.record(p, n);
    }

    /** The company adds a photo of the rectified problem. */
    @Transactional
    public long addAnswerPhoto(KaopingPrincipal p, long id, long problemId, byte[] content, String filename) {
        Notice n = queries.answering(p, id);
        n.requireAnswerable(problemId);
        StoredFile file = files.store(content, filename, p.username(), PHOTOS);
        long photo = notices.addPhoto(problemId, "ANSWER", file.id(), p.username(), OffsetDateTime.now(clock));
        n.addPhoto(problemId, filename, file);
        transitions.record(p, n);
        return photo;
    }

    /** The company submits its answers to the acceptance inspection. */
    @Transactional
    public void submit(KaopingPrincipal p, long id) {
        Notice n = queries.answering(p, id);
        n.submit();
        transitions.record(p, n);
    }
}
