package cn.kaoping.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The principal of the request being served. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<KaopingPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PrincipalHolder holder) {
            return Optional.of(holder.principal());
        }
        return Optional.empty();
    }

    public static KaopingPrincipal get() {
        return find().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("未登录"));
    }

    public static String name() {
        return find().map(KaopingPrincipal::username).orElse("system");
    }

    /** Implemented by the authentication's principal object (the account module's user details). */
    public interface PrincipalHolder {
        KaopingPrincipal principal();
    }
}
