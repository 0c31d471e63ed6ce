package dev.backprop.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem for an error status that arrived with nothing else to say: a refusal by Tomcat before the
 * request reached Spring, or an error dispatch. A stable code and a detail in the service's words, never
 * the container's message; for a request body's field, the field's path.
 */
record StatusProblem(int status, String code, String detail, String field) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    StatusProblem(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    static StatusProblem of(int status) {
        return switch (status) {
            case 400 -> new StatusProblem(status, "bad-request", "the request is malformed");
            case 404 -> new StatusProblem(status, "not-found", "no resource at this path");
            case 405 -> new StatusProblem(status, "method-not-allowed", "this method is not allowed here");
            case 408 -> new StatusProblem(status, "request-timeout", "the request did not arrive in time");
            case 413 -> new StatusProblem(status, "body-too-large", "the request body is too large");
            case 414 -> new StatusProblem(status, "uri-too-long", "the request line is too long");
            case 431 -> new StatusProblem(status, "headers-too-large", "the request's headers are too large");
            case 500 -> new StatusProblem(status, "internal-error", "the service failed to handle this request");
            case 503 -> new StatusProblem(status, "service-unavailable", "the service cannot take this request now");
            case 505 -> new StatusProblem(status, "http-version-not-supported", "only HTTP/1.0 and HTTP/1.1 are served");
            default -> {
                String reason = title(status);
                yield new StatusProblem(status, reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                        reason.toLowerCase(Locale.ROOT));
            }
        };
    }

    /** The problem for this status of a request for {@code path} with {@code method}, naming them where they are the cause. */
    static StatusProblem of(int status, String method, String path) {
        StatusProblem p = of(status);
        if (path == null) return p;
        return switch (status) {
            case 404 -> new StatusProblem(status, p.code(), "no resource at " + path);
            case 405 -> new StatusProblem(status, p.code(), method + " is not allowed on " + path);
            default -> p;
        };
    }

    String title() {
        return title(status);
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : status >= 500 ? "Server Error" : "Client Error";
    }

    /** The problem document, for writers outside Spring MVC, with the id of the request being handled. */
    String json() {
        return json(RequestIds.current());
    }

    /** The problem document of the request with this id. */
    String json(String requestId) {
        return JSON.writeValueAsString(new Body(ProblemHandler.TYPE_BASE + code, title(), status, detail, code, requestId));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Body(String type, String title, int status, String detail, String code, String requestId) {}
}
