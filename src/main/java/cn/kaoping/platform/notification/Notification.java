package cn.kaoping.platform.notification;

import java.util.Objects;

/**
 * A message to send outside the application.
 *
 * @param channel   how it should travel
 * @param recipient who receives it: an e-mail address, a phone number, or a name when no address is known
 * @param subject   a short subject (the SMS adapter may drop it)
 * @param text      the message itself, plain text
 */
public record Notification(Channel channel, String recipient, String subject, String text) {

    public Notification {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(text);
    }

    /** How a notification travels. */
    public enum Channel {
        EMAIL, SMS
    }
}
