package cn.kaoping.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.IntegrationTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Files live in PostgreSQL with their SHA-256, the detected type, the uploader and the time. */
@IntegrationTest
class PostgresFileStoreTests {

    private final FileStore files;

    PostgresFileStoreTests(@Autowired FileStore files) {
        this.files = files;
    }

    @Test
    void storesThePhotoWithItsChecksumAndTheTypeFoundInItsBytesNotItsName() throws Exception {
        StoredFile stored = files.store(ContentTypesTests.PNG, "看起来像文本.txt", "street_df", UploadPolicy.photos(10));
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ContentTypesTests.PNG)));
        assertThat(stored.uploadedBy()).isEqualTo("street_df");
        assertThat(stored.uploadedAt()).isNotNull();
        assertThat(stored.originalName()).isEqualTo("看起来像文本.txt");
        assertThat(files.content(stored.id())).contains(ContentTypesTests.PNG);
    }
}
