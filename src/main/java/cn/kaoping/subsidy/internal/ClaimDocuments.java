package cn.kaoping.subsidy.internal;

import cn.kaoping.platform.storage.ContentTypes;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.NotFoundException;
import cn.kaoping.shared.ValidationException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The documents of a claim's steps (a PDF or a picture): uploaded before the step, read by whoever sees the claim. */
@Service
@Transactional
public class ClaimDocuments {

    static final UploadPolicy DOCUMENTS = new UploadPolicy(
            Set.of(ContentTypes.PDF, ContentTypes.JPEG, ContentTypes.PNG), 20 * UploadPolicy.MB, "PDF、JPEG 或 PNG 文件");

    private final ClaimQueries queries;
    private final ClaimStore store;
    private final FileStore files;

    ClaimDocuments(ClaimQueries queries, ClaimStore store, FileStore files) {
        this.queries = queries;
        this.store = store;
        this.files = files;
    }

    /** Stores a document for a step (PDF or picture) and returns its id. */
    public StoredFile upload(KaopingPrincipal p, long claim, byte[] content, String name) {
        queries.visible(p, claim);
        return files.store(content, name, p.username(), DOCUMENTS);
    }

    /** A document attached to one of the claim's steps; any other answers 404. */
    public byte[] content(KaopingPrincipal p, long claim, UUID document) {
        queries.visible(p, claim);
        if (!store.hasDocument(claim, document)) {
            throw new NotFoundException("文件不存在");
        }
        return files.content(document).orElseThrow(() -> new NotFoundException("文件不存在"));
    }

    public Optional<StoredFile> info(UUID document) {
        return files.find(document);
    }

    /** Checks that a step's document was uploaded (null for none). */
    void require(UUID id) {
        if (id != null && files.find(id).isEmpty()) {
            throw new ValidationException("document", "附件不存在，请重新上传");
        }
    }
}
