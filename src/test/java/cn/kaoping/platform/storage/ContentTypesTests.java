package cn.kaoping.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.kaoping.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** File types come from the bytes, never the name; the photo policy refuses the rest with a clear message. */
class ContentTypesTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

    @Test
    void recognisesJpegPngAndWebpByTheirMagicNumbers() {
        assertThat(ContentTypes.detect(PNG)).isEqualTo("image/png");
        assertThat(ContentTypes.detect(JPEG)).isEqualTo("image/jpeg");
        assertThat(ContentTypes.detect(WEBP)).isEqualTo("image/webp");
        assertThat(ContentTypes.detect("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ContentTypes.UNKNOWN);
    }

    @Test
    void thePhotoPolicyRefusesTextPretendingToBeAnImageAndFilesOverTenMegabytes() {
        UploadPolicy photos = UploadPolicy.photos(10);
        assertThat(photos.check(PNG)).isEqualTo("image/png");
        assertThatThrownBy(() -> photos.check("<html>not a photo</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("只能上传 JPEG、PNG 或 WebP 图片");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThatThrownBy(() -> photos.check(big)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("不能超过 10 MB");
        assertThatThrownBy(() -> photos.check(new byte[0])).isInstanceOf(ValidationException.class);
    }
}
