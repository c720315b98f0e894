package cn.kaoping.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Accepts {@code Authorization: Bearer <token>} on the API; an unknown or expired token is answered with 401. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final Accounts accounts;

    BearerTokenFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<KaopingUserDetails> user = accounts.byToken(header.substring(7).trim());
            if (user.isEmpty()) {
                SecurityConfiguration.problem(response, 401, "令牌无效", "令牌无效或已过期，请重新获取");
                return;
            }
            KaopingUserDetails details = user.get().withoutPassword();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        }
        chain.doFilter(request, response);
    }
}
