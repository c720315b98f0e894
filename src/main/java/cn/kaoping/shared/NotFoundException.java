package cn.kaoping.shared;

/** A record the caller asked for does not exist, or lies outside the caller's scope (we do not say which). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
