package cn.kaoping.account.api;

import cn.kaoping.account.internal.Accounts;
import cn.kaoping.shared.CurrentUser.PrincipalHolder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bearer tokens for API clients: the same credentials, password checks and lock-out as the sign-in screen. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "获取 API 令牌")
class TokenApiController {

    private final AuthenticationManager authentication;
    private final Accounts accounts;

    TokenApiController(AuthenticationManager authentication, Accounts accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    /** The sign-in page's message (login.error), word for word. */
    static final String FAILED = "用户名或密码错误，或因多次输错已被暂时锁定，请稍后再试";

    record TokenRequest(@NotBlank(message = "请填写用户名") String username,
                        @NotBlank(message = "请填写密码") String password) {
    }

    record TokenResponse(String token, String tokenType, OffsetDateTime expiresAt) {
    }

    @Operation(summary = "用户名和密码换取 Bearer 令牌")
    @PostMapping("/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
        attempt.setDetails(new WebAuthenticationDetails(http)); // the client address, for the per-address throttle
        Authentication auth = authentication.authenticate(attempt);
        Accounts.IssuedToken token = accounts.issueToken(((PrincipalHolder) auth.getPrincipal()).principal());
        return new TokenResponse(token.token(), "Bearer", token.expiresAt());
    }

    /** One answer for every failure, as on the sign-in page: no hint whether the user exists or is locked. */
    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail refused(AuthenticationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, FAILED);
        p.setTitle("认证失败");
        return p;
    }
}
