package cn.kaoping.support;

import cn.kaoping.shared.CurrentUser;
import cn.kaoping.shared.KaopingPrincipal;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of a {@link WebSlice} test, as the screens and the API read it; signed out after each test. */
public final class SignedIn implements AfterEachCallback {

    /** Makes the principal the caller of the requests that follow. */
    public static void as(KaopingPrincipal p) {
        CurrentUser.PrincipalHolder holder = () -> p;
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(holder, null));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
    }
}
