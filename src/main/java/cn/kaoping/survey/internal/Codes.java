package cn.kaoping.survey.internal;

import cn.kaoping.platform.guard.OneTimeCodes;
import java.util.Map;
import java.util.Optional;

/**
 * One-time household codes ({@link OneTimeCodes}, shared with ballot codes) and the survey's own derived keys: the
 * void key, the retry digest and the client hash, each salted per survey.
 */
public final class Codes {

    private Codes() {
    }

    public static String generate() {
        return OneTimeCodes.generate();
    }

    public static String grouped(String code) {
        return OneTimeCodes.grouped(code);
    }

    /** See {@link OneTimeCodes#normalize}. */
    public static Optional<String> normalize(String typed) {
        return OneTimeCodes.normalize(typed);
    }

    public static byte[] salt() {
        return OneTimeCodes.salt();
    }

    /** A random key for estate links: 96 bits, URL-safe. */
    public static String linkKey() {
        return OneTimeCodes.linkKey();
    }

    public static byte[] hash(byte[] salt, String code) {
        return OneTimeCodes.hash(salt, code);
    }

    /** Stored with the response; only someone holding the household's code can find the response again. */
    public static byte[] voidKey(byte[] salt, String code) {
        return sha256(salt, "void:" + code);
    }

    /** Stored with "household answered": tells an identical retry from a different second attempt. */
    public static byte[] retryDigest(byte[] salt, String code, Map<String, String> canonicalAnswers) {
        return sha256(salt, "retry:" + code + ":" + canonicalAnswers);
    }

    public static byte[] clientHash(byte[] salt, String address) {
        return sha256(salt, "client:" + address);
    }

    static byte[] sha256(byte[] salt, String text) {
        return OneTimeCodes.sha256(salt, text);
    }
}
