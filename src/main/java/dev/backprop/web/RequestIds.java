package dev.backprop.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * A request's id, {@code X-Request-Id}: the client's own when it is 1 to 128 characters of
 * {@code [A-Za-z0-9._:@/+=-]}, otherwise a new random UUID (a request is never refused for it). It is kept in a
 * request attribute, so that every writer of the answer, the access log among them, names the same id, and in
 * the logging MDC as {@code requestId} while the request is handled.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** The problem details member that carries it. */
    static final String MEMBER = "requestId";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {}

    /** This request's id, chosen on the first call. */
    static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) return id;
        String id = accepted(request.getHeader(HEADER)) ? request.getHeader(HEADER) : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    static boolean accepted(String id) {
        return id != null && ACCEPTED.matcher(id).matches();
    }

    /** The id of the request this thread is handling, or null outside one. */
    static String current() {
        return MDC.get(MDC_KEY);
    }
}
