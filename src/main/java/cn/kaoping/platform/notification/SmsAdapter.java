package cn.kaoping.platform.notification;

/** Delivers SMS (e.g. through a carrier gateway). Provide a bean of this type to send SMS instead of logging it. */
public interface SmsAdapter {

    void deliver(String phone, String text);
}
