package cn.kaoping.ranking.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Rankings are recomputed on their own thread, one recomputation at a time. A published round (or a correction)
 * re-places every ranking of its periods and holds a database connection while it does: on the shared event executor
 * a run of publications kept the other modules' listeners (credit, escalation, subsidy) waiting for minutes. The
 * recomputations are serialised by an advisory lock anyway, so a second thread would only wait for the first.
 * The application's own executor is still created ({@code spring.task.execution.mode: force}).
 */
@Configuration(proxyBeanMethods = false)
class RankingExecution {

    static final String EXECUTOR = "rankingEvents";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor rankingEvents() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("ranking-events-");
        // an event not handled at shutdown stays incomplete in the registry and is resubmitted at the next start
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
