package cn.kaoping.account.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes expired API tokens hourly, on one instance of the cluster at a time. */
@Component
class TokenCleanup {

    private final Accounts accounts;

    TokenCleanup(Accounts accounts) {
        this.accounts = accounts;
    }

    @Scheduled(cron = "0 7 * * * *")
    @SchedulerLock(name = "account.purgeExpiredTokens", lockAtMostFor = "PT5M")
    void purge() {
        accounts.purgeExpiredTokens();
    }
}
