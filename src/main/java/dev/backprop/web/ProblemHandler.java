package dev.backprop.web;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.session.ApiException;
import dev.backprop.session.BatchFailure;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal as RFC 9457 problem details with a stable {@code code}. Where PyTorch raises, the
 * detail is PyTorch's message; nothing internal (stack traces, class names) reaches a client.
 */
@RestControllerAdvice
class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = "https://backprop.dev/problems/";

    @ExceptionHandler(EngineException.class)
    ResponseEntity<ProblemDetail> engine(EngineException e) {
        ResponseEntity<ProblemDetail> r = problem(statusOf(e.code()), codeOf(e.code()), e.getMessage(), null);
        return e.code() == ErrorCode.TIME_BUDGET ? retryAfter(r, 1) : r;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> r = problem(e.status(), e.code(), e.getMessage(), null);
        return e.retryAfterSeconds() == null ? r : retryAfter(r, e.retryAfterSeconds());
    }

    private static ResponseEntity<ProblemDetail> retryAfter(ResponseEntity<ProblemDetail> r, int seconds) {
        return ResponseEntity.status(r.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", Integer.toString(seconds)).body(r.getBody());
    }

    @ExceptionHandler(BatchFailure.class)
    ResponseEntity<ProblemDetail> batch(BatchFailure f) {
        RuntimeException cause = f.getCause();
        ResponseEntity<ProblemDetail> inner = cause instanceof EngineException e ? engine(e)
                : cause instanceof ApiException a ? api(a) : unexpected(cause);
        ProblemDetail body = inner.getBody();
        body.setProperty("opIndex", f.index());
        body.setDetail("ops[" + f.index() + "]: " + body.getDetail());
        return inner;
    }

    @ExceptionHandler(dev.backprop.training.QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(dev.backprop.training.QueueFullException e) {
        ResponseEntity<ProblemDetail> r = problem(429, "job-queue-full", e.getMessage(), null);
        return ResponseEntity.status(429).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", Integer.toString(e.retryAfterSeconds())).body(r.getBody());
    }

    @ExceptionHandler(dev.backprop.training.ShuttingDownException.class)
    ResponseEntity<ProblemDetail> shuttingDown(dev.backprop.training.ShuttingDownException e) {
        ResponseEntity<ProblemDetail> r = problem(503, "shutting-down", e.getMessage(), null);
        return ResponseEntity.status(503).contentType(MediaType.APPLICATION_PROBLEM_JSON).header("Retry-After", "5").body(r.getBody());
    }

    @ExceptionHandler(dev.backprop.graph.GraphTooLargeException.class)
    ResponseEntity<ProblemDetail> graphTooLarge(dev.backprop.graph.GraphTooLargeException e) {
        return problem(413, "graph-too-large", e.getMessage(), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return problem(413, "body-too-large", tooLarge.getMessage(), null);
            }
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException c) {
                return problem(400, "json-limits", "the JSON body is outside the limits: " + c.getOriginalMessage(), null);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
                return problem(400, "invalid-field", "'" + path(m) + "' has the wrong type or shape", null);
            }
            if (t instanceof tools.jackson.core.exc.StreamReadException r) {
                return problem(400, "malformed-json", "the body is not valid JSON: " + firstLine(r.getOriginalMessage()), null);
            }
        }
        return problem(400, "malformed-json", "a JSON body is required", null);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return problem(400, "invalid-parameter", firstLine(e), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return problem(404, "not-found", "no resource at " + e.getResourcePath(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(405, "method-not-allowed", e.getMessage(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(415, "unsupported-media-type", "send application/json", null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(406, "not-acceptable", "this resource cannot be represented in the requested media type", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(500, "internal-error", "the service failed to handle this request", null);
    }

    static int statusOf(ErrorCode code) {
        return switch (code) {
            case UNKNOWN_OP -> 400;
            case TOO_LARGE -> 413;
            case TIME_BUDGET -> 503;
            default -> 422;
        };
    }

    static String codeOf(ErrorCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ResponseEntity<ProblemDetail> problem(StatusProblem p) {
        return problem(p.status(), p.code(), p.detail(), null);
    }

    static ResponseEntity<ProblemDetail> problem(int status, String code, String detail, String title) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        p.setType(URI.create(TYPE_BASE + code));
        p.setTitle(title != null ? title : HttpStatus.valueOf(status).getReasonPhrase());
        p.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String path(tools.jackson.databind.exc.MismatchedInputException m) {
        StringBuilder sb = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(Throwable t) {
        return firstLine(t.getMessage() == null ? "" : t.getMessage());
    }

    private static String firstLine(String m) {
        if (m == null) return "";
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
