package cn.kaoping.organisation;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet, the last a check character
 * computed from the first 17 with weights 3^i mod 31.
 */
public final class UnifiedCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedCreditCode() {
    }

    /** Why a code is not valid, in Chinese, or empty when it is. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("请填写统一社会信用代码");
        }
        String c = code.trim().toUpperCase();
        if (c.length() != 18) {
            return Optional.of("统一社会信用代码应为18位，当前为" + c.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                return Optional.of("统一社会信用代码第" + (i + 1) + "位“" + c.charAt(i) + "”不是有效字符");
            }
        }
        char expected = checkCharacter(c.substring(0, 17));
        if (c.charAt(17) != expected) {
            return Optional.of("统一社会信用代码校验位错误（应为“" + expected + "”）");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    public static String normalise(String code) {
        return code == null ? null : code.trim().toUpperCase();
    }
}
