package cn.kaoping.scheme;

/** A scheme version was published and is from now on the one rounds use for this code (unless they name another). */
public record SchemePublished(String code, int version, String publishedBy) {
}
