package cn.kaoping.casework.complaints;

import cn.kaoping.organisation.EstateRef;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.platform.guard.ClientGuard;
import cn.kaoping.platform.storage.FileStore;
import cn.kaoping.platform.storage.StoredFile;
import cn.kaoping.platform.storage.UploadPolicy;
import cn.kaoping.shared.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner files a complaint about the estate from the phone page (issue 14: owners on their phone, with photos): no
 * sign-in, so each client address may file at most {@link #PER_HOUR} complaints an hour for an estate (counted in
 * PostgreSQL, the same on every instance). The complaint goes to the estate's street office like any other, source
 * OWNER; the photos are kept in the file store. The complaint and its photos are committed before the owner is told.
 */
@Service
public class OwnerComplaint {

    static final int PER_HOUR = 5;
    static final int MAX_PHOTOS = 3;
    static final UploadPolicy PHOTOS = UploadPolicy.photos(10);
    private static final ClientGuard.Policy POLICY = new ClientGuard.Policy(PER_HOUR, Duration.ofHours(1),
            Duration.ofHours(1));

    private final FileComplaint files;
    private final ComplaintStore store;
    private final OrganisationDirectory directory;
    private final FileStore fileStore;
    private final ClientGuard guard;

    OwnerComplaint(FileComplaint files, ComplaintStore store, OrganisationDirectory directory, FileStore fileStore,
                   ClientGuard guard) {
        this.files = files;
        this.store = store;
        this.directory = directory;
        this.fileStore = fileStore;
        this.guard = guard;
    }

    /** A photo as sent. */
    public record Upload(byte[] content, String name) {
    }

    public enum Status { FILED, LIMITED }

    public record Outcome(Status status, Long complaintId) {
    }

    /** The estate an owner's page is for (a managed, registered estate), or empty. */
    public Optional<EstateRef> estate(long estateId) {
        return directory.estate(estateId);
    }

    public List<ComplaintStore.Category> categories() {
        return store.categories();
    }

    /**
     * @throws ValidationException naming each problem (category, content, a photo the policy refuses)
     */
    @Transactional
    public Outcome file(EstateRef estate, String category, String content, String name, String phone,
                        List<Upload> photos, String clientAddress) {
        String key = ClientGuard.key(clientAddress, "c" + estate.id());
        if (guard.locked(key)) {
            return new Outcome(Status.LIMITED, null);
        }
        List<Upload> sent = photos == null ? List.of() : photos.stream()
                .filter(u -> u.content() != null && u.content().length > 0).toList();
        if (sent.size() > MAX_PHOTOS) {
            throw new ValidationException("photos", "最多上传 " + MAX_PHOTOS + " 张照片");
        }
        long id = files.file(estate, new FileComplaint.Form(estate.id(), category, content, name, phone, null, null),
                "OWNER", "owner").orElseThrow();
        for (int i = 0; i < sent.size(); i++) {
            StoredFile f = fileStore.store(sent.get(i).content(), sent.get(i).name(), "owner", PHOTOS);
            store.addPhoto(id, i + 1, f.id(), f.originalName());
        }
        guard.fail(key, POLICY); // counts this complaint: after the fifth within the hour, the next are refused
        return new Outcome(Status.FILED, id);
    }
}
