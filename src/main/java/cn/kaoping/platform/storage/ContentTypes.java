package cn.kaoping.platform.storage;

/** Recognises a file's type from its first bytes (magic numbers), whatever its name says. */
public final class ContentTypes {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";
    public static final String PDF = "application/pdf";
    public static final String UNKNOWN = "application/octet-stream";

    private ContentTypes() {
    }

    public static String detect(byte[] b) {
        if (b == null) {
            return UNKNOWN;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return WEBP;
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        return UNKNOWN;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
