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
import org.springframework.security.authentication.LockedException;
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

    record TokenRequest(@NotBlank(message = "请填写用户名") String username,
                        @NotBlank(message = "请填写密码") String password) {
    }

    record TokenResponse(String token, String tokenType, OffsetDateTime expiresAt) {
    }

    @Operation(summary = "用户名和密码换取 Bearer 令牌")
    @PostMapping("/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        Authentication auth = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
        Accounts.IssuedToken token = accounts.issueToken(((PrincipalHolder) auth.getPrincipal()).principal());
        return new TokenResponse(token.token(), "Bearer", token.expiresAt());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail refused(AuthenticationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                e instanceof LockedException ? "登录失败次数过多，账户已临时锁定，请稍后再试" : "用户名或密码错误");
        p.setTitle("认证失败");
        return p;
    }
}
