package cn.kaoping.platform.notification;

/**
 * The outgoing notification port: modules hand messages to it and do not care how they travel. The default
 * implementation passes e-mail to an {@link EmailAdapter} and SMS to an {@link SmsAdapter} when the deployment
 * provides one, and otherwise writes the message to the log.
 */
public interface Notifier {

    /** Sends the notification; never throws for a delivery failure (it is logged), so callers' work is not lost. */
    void send(Notification notification);
}
