package dev.backprop.session;

/**
 * A refusal with an HTTP status and a stable code, raised by the service layer for what is not the
 * engine's to judge (unknown ids, quotas, malformed requests).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;
    private final String field;

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    /** A refusal that a client may retry after {@code retryAfterSeconds} (sent as {@code Retry-After}). */
    public ApiException(int status, String code, String detail, Integer retryAfterSeconds) {
        this(status, code, detail, retryAfterSeconds, null);
    }

    private ApiException(int status, String code, String detail, Integer retryAfterSeconds, String field) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.field = field;
    }

    /** The query parameter or header the refusal is about, or null. */
    public String field() {
        return field;
    }

    /** Seconds after which the same request may succeed, or null when retrying cannot help. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, what + "-not-found", "no " + what + " '" + id + "'");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "invalid-request", detail);
    }

    /** A 400 about one query parameter or header, named in the problem's {@code field}. */
    public static ApiException badParameter(String code, String name, String detail) {
        return new ApiException(400, code, detail, null, name);
    }

    public static ApiException quota(String code, String detail) {
        return new ApiException(429, code, detail);
    }

    /** A quota that frees up as others finish or expire: 429 with Retry-After. */
    public static ApiException quota(String code, String detail, int retryAfterSeconds) {
        return new ApiException(429, code, detail, retryAfterSeconds);
    }

    /** The service is saturated for now: 503 with Retry-After. */
    public static ApiException saturated(String code, String detail) {
        return new ApiException(503, code, detail, 1);
    }

    public static ApiException tooLarge(String code, String detail) {
        return new ApiException(413, code, detail);
    }
}
