package cn.kaoping.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A screen or API controller alone (a {@code @WebMvcTest} slice): no database and no other module; its use cases
 * are {@code @MockitoBean}s or, for pure functions, the real classes the test imports. The security filters are off,
 * so the test names its caller with {@link SignedIn#as} (reset after each test); that a caller must sign in at all is
 * {@code SignInTests}'. Templates render with the real messages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@Import(TestClock.class)
@ExtendWith(SignedIn.class)
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
