package cn.kaoping.platform.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Stops the durable embedded PostgreSQL last: every data source bean depends on this bean, so the context destroys
 * the web server, scheduled jobs, the event publication registry and the Hikari pool before this bean's
 * {@link #destroy()} stops the database. A JVM shutdown hook only covers a stop that comes while the application is
 * still starting (the context cannot close until its start-up ends, and the demo city takes minutes): it stops the
 * database after a short wait, which ends the start-up with an error, and the JVM exits.
 */
final class EmbeddedPostgresLifecycle implements SmartLifecycle, DisposableBean {

    static final String BEAN_NAME = "kaopingEmbeddedPostgres";
    private static final Log log = LogFactory.getLog(EmbeddedPostgresLifecycle.class);

    private final EmbeddedPostgresServer server;
    private final Runnable onStop;
    private volatile boolean started;

    private EmbeddedPostgresLifecycle(EmbeddedPostgresServer server, Runnable onStop) {
        this.server = server;
        this.onStop = onStop;
    }

    /** Registers the bean, the data sources' dependency on it, and the start-up safety hook. */
    static void register(ConfigurableApplicationContext context, EmbeddedPostgresServer server, Runnable onStop) {
        EmbeddedPostgresLifecycle lifecycle = new EmbeddedPostgresLifecycle(server, onStop);
        Thread hook = new Thread(lifecycle::stopIfStillStarting, "embedded-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        context.addBeanFactoryPostProcessor(new DependsOnEmbeddedPostgres());
        if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
            registry.registerBeanDefinition(BEAN_NAME, BeanDefinitionBuilder
                    .genericBeanDefinition(EmbeddedPostgresLifecycle.class, () -> lifecycle).getBeanDefinition());
        }
    }

    /** Marks the end of start-up; the database itself was started before the context. */
    @Override
    public void start() {
        started = true;
    }

    /** Nothing to do at lifecycle stop: the pool still needs the database until the beans are destroyed. */
    @Override
    public void stop() {
    }

    @Override
    public boolean isRunning() {
        return started && !server.isStopped();
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void destroy() {
        server.stop();
        onStop.run();
    }

    private void stopIfStillStarting() {
        try {
            // started: Spring's own hook closes the context, and destroy() stops the database within seconds;
            // still starting: the context waits for the start-up, so end it by stopping the database
            Duration wait = started ? Duration.ofSeconds(30) : Duration.ofSeconds(2);
            if (!server.awaitStopped(wait)) {
                log.warn(started ? "The application did not stop within 30 s; stopping the embedded PostgreSQL"
                        : "Stopped during start-up; stopping the embedded PostgreSQL");
                server.stop();
                onStop.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds a dependency on the embedded database to every data source bean. */
    private static final class DependsOnEmbeddedPostgres implements BeanFactoryPostProcessor {
        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
                if (!beanFactory.containsBeanDefinition(name)) {
                    continue;
                }
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
                        : Arrays.asList(definition.getDependsOn()));
                if (!dependsOn.contains(BEAN_NAME)) {
                    dependsOn.add(BEAN_NAME);
                    definition.setDependsOn(dependsOn.toArray(String[]::new));
                }
            }
        }
    }
}
