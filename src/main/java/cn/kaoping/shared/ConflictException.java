package cn.kaoping.shared;

/** The request is well formed but clashes with the current state (a stale edit, a duplicate, an illegal transition). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
