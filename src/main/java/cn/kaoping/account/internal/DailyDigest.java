package cn.kaoping.account.internal;

import cn.kaoping.platform.workbench.Digests;
import cn.kaoping.platform.workbench.Workbench;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning at 07:30 Beijing time ({@code kaoping.workbench.digest-cron}), on one instance of the cluster, each
 * enabled user with something to do gets the day's digest of his work items (issue 18). The account module runs it
 * because it knows the users and their scopes; the items come from every module through the workbench port.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Workbench workbench;
    private final Digests digests;

    DailyDigest(JdbcClient jdbc, Accounts accounts, Workbench workbench, Digests digests) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.workbench = workbench;
        this.digests = digests;
    }

    @Scheduled(cron = "${kaoping.workbench.digest-cron:0 30 7 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "workbench.dailyDigest", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
    void send() {
        log.info("工作台每日摘要：已写入 {} 位用户", sendNow());
    }

    /** Writes today's digests now; returns how many users got one. */
    int sendNow() {
        List<String> users = jdbc.sql("SELECT username FROM app_user WHERE enabled ORDER BY username")
                .query(String.class).list();
        int written = 0;
        for (String username : users) {
            try {
                KaopingUserDetails user = accounts.loadUserByUsername(username);
                if (digests.write(username, user.principal().displayName(), workbench.itemsFor(user.principal()))) {
                    written++;
                }
            } catch (RuntimeException e) {
                log.warn("工作台每日摘要：{} 未能生成：{}", username, e.toString());
            }
        }
        return written;
    }
}
