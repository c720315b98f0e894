package cn.kaoping.platform.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Routes each notification to the adapter of its channel; without one (the default deployment) the message is
 * written to the log, so nothing fails for want of a mail server or an SMS gateway.
 */
@Component
class DefaultNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(DefaultNotifier.class);

    private final ObjectProvider<EmailAdapter> email;
    private final ObjectProvider<SmsAdapter> sms;

    DefaultNotifier(ObjectProvider<EmailAdapter> email, ObjectProvider<SmsAdapter> sms) {
        this.email = email;
        this.sms = sms;
    }

    @Override
    public void send(Notification n) {
        try {
            switch (n.channel()) {
                case EMAIL -> {
                    EmailAdapter adapter = email.getIfAvailable();
                    if (adapter == null) {
                        logged(n);
                    } else {
                        adapter.deliver(n.recipient(), n.subject(), n.text());
                    }
                }
                case SMS -> {
                    SmsAdapter adapter = sms.getIfAvailable();
                    if (adapter == null) {
                        logged(n);
                    } else {
                        adapter.deliver(n.recipient(), n.text());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("通知发送失败（{} → {}）：{}", n.channel(), n.recipient(), e.getMessage());
        }
    }

    private static void logged(Notification n) {
        log.info("通知（{}，未配置发送通道，仅记录）→ {}：{} {}", n.channel(), n.recipient(),
                n.subject() == null ? "" : n.subject(), n.text());
    }
}
