package cn.kaoping.platform.notification;

/** Delivers e-mail (e.g. over SMTP). Provide a bean of this type to send e-mail instead of logging it. */
public interface EmailAdapter {

    void deliver(String to, String subject, String text);
}
