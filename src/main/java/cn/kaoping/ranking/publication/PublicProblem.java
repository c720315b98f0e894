package cn.kaoping.ranking.publication;

/**
 * A public request that cannot be answered: an unknown ranking (404), a bad parameter (400) or, for the 公示 PDF,
 * too many documents in the making (503). Carries a message
 * key of the publication bundle, so the visitor reads a plain sentence, never a stack trace.
 */
class PublicProblem extends RuntimeException {

    private final int status;
    private final String key;
    private final transient Object[] args;

    private PublicProblem(int status, String key, Object... args) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
        this.args = args;
    }

    static PublicProblem notFound() {
        return new PublicProblem(404, "publication.error.notFound");
    }

    /** Too many documents are being made at once (503): the visitor may try again shortly. */
    static PublicProblem busy() {
        return new PublicProblem(503, "publication.error.busy");
    }

    static PublicProblem badParameter(String key, Object... args) {
        return new PublicProblem(400, key, args);
    }

    int status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args;
    }
}
