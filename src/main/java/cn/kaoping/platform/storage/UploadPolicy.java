package cn.kaoping.platform.storage;

import cn.kaoping.shared.ValidationException;
import java.util.List;
import java.util.Set;

/**
 * Which files an upload accepts: the detected content types and the largest size. The messages name what the user
 * can do about a refusal.
 */
public record UploadPolicy(Set<String> types, long maxBytes, String typesLabel) {

    public static final long MB = 1024L * 1024L;

    /** Photos as evidence: JPEG, PNG or WebP, at most {@code maxMegabytes} MB. */
    public static UploadPolicy photos(int maxMegabytes) {
        return new UploadPolicy(Set.of(ContentTypes.JPEG, ContentTypes.PNG, ContentTypes.WEBP), maxMegabytes * MB,
                "JPEG、PNG 或 WebP 图片");
    }

    /** Checks the bytes and returns their detected content type. */
    public String check(byte[] content) {
        if (content == null || content.length == 0) {
            throw refused("未选择文件，或文件是空的");
        }
        if (content.length > maxBytes) {
            throw refused("文件过大（" + megabytes(content.length) + " MB），每个文件不能超过 " + megabytes(maxBytes)
                    + " MB；其他已填写的内容已保存");
        }
        String type = ContentTypes.detect(content);
        if (!types.contains(type)) {
            throw refused("只能上传 " + typesLabel + "（按文件内容识别，与文件名无关）；其他已填写的内容已保存");
        }
        return type;
    }

    private static String megabytes(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(MB), 1,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static ValidationException refused(String message) {
        return new ValidationException(List.of(new ValidationException.FieldProblem("file", message)));
    }
}
