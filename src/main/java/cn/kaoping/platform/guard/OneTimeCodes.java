package cn.kaoping.platform.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * One-time codes printed on slips for owners (survey household codes, ballot codes): 80 bits from
 * {@link SecureRandom}, written as 16 characters of Crockford's base32 (no I, L, O, U) in four groups
 * ({@code K7Q2-9MXD-3HFA-T8WN}); typed input forgives case, spaces, every kind of dash and O/I/L. Only salted
 * SHA-256 hashes are stored.
 */
public final class OneTimeCodes {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Dashes and separators people type between groups, from a Chinese keyboard or a pasted WeChat message. */
    private static final String SEPARATORS = "-_.·・/\\|\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2E3A\u2E3B"
            + "\u30FC\u2500\u2501\uFE58\uFE63\uFF0D\u00B7\u3001";

    private OneTimeCodes() {
    }

    public static String generate() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder(LENGTH);
        long hi = 0;
        int bits = 0;
        for (byte b : bytes) {
            hi = (hi << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((int) ((hi >>> (bits - 5)) & 31)));
                bits -= 5;
            }
        }
        return out.toString();
    }

    public static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                + code.substring(12);
    }

    /**
     * The code as stored for hashing, or empty when the input cannot be a code. Full-width letters, digits and
     * spaces fold to ASCII (NFKC), and every kind of dash or dot between groups is ignored (issue 21: a code typed
     * with "—" was refused).
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 200) {
            return Optional.empty();
        }
        String folded = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : folded.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || SEPARATORS.indexOf(c) >= 0
                    || Character.getType(c) == Character.DASH_PUNCTUATION || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            char m = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(m) < 0) {
                return Optional.empty();
            }
            out.append(m);
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    public static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** A random key for links: 96 bits, URL-safe. */
    public static String linkKey() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(byte[] salt, String code) {
        return sha256(salt, code);
    }

    public static byte[] sha256(byte[] salt, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(text.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
