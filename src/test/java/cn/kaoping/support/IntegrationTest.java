package cn.kaoping.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, against the real PostgreSQL of the test run (embedded, started once
 * per JVM, or {@code KAOPING_TEST_DB_URL}) holding the demo city. One context is shared by every such test; its
 * clock is the real time, which {@link TestClock#later} moves forward for one step.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.class)
public @interface IntegrationTest {
}
