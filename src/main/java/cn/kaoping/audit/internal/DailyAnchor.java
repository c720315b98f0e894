package cn.kaoping.audit.internal;

import cn.kaoping.audit.AuditAnchors;
import cn.kaoping.audit.AuditSettings;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes an anchor of the audit chain every day at 00:15 Beijing time ({@code kaoping.audit.anchor-cron}), on one
 * instance of the cluster.
 */
@Component
@EnableConfigurationProperties(AuditSettings.class)
class DailyAnchor {

    private final AuditAnchors anchors;

    DailyAnchor(AuditAnchors anchors) {
        this.anchors = anchors;
    }

    // lockAtLeastFor: an instance whose clock runs a little late must not anchor the same schedule again
    @Scheduled(cron = "${kaoping.audit.anchor-cron:0 15 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit.dailyAnchor", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5S")
    void anchor() {
        anchors.anchorNow();
    }
}
