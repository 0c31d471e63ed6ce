package dev.backprop.session;

/**
 * A refusal with an HTTP status and a stable code, raised by the service layer for what is not the
 * engine's to judge (unknown ids, quotas, malformed requests).
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
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

    public static ApiException quota(String code, String detail) {
        return new ApiException(429, code, detail);
    }

    public static ApiException tooLarge(String code, String detail) {
        return new ApiException(413, code, detail);
    }
}
