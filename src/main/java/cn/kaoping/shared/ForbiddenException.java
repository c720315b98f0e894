package cn.kaoping.shared;

/** The caller may see the record but their role may not do this to it. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
