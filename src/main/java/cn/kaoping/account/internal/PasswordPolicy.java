package cn.kaoping.account.internal;

import java.util.Optional;

/** At least 10 characters with letters and digits, and not the user name: what a government system audit asks. */
public final class PasswordPolicy {

    private PasswordPolicy() {
    }

    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < 10) {
            return Optional.of("密码至少10位");
        }
        if (password.length() > 72) {
            return Optional.of("密码不能超过72位");
        }
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return Optional.of("密码须同时包含字母和数字");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("密码不能包含用户名");
        }
        return Optional.empty();
    }
}
