package dev.backprop.web;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.session.ApiException;
import dev.backprop.session.BatchFailure;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
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
    private static final String FIELD = "field";

    @ExceptionHandler(EngineException.class)
    ResponseEntity<ProblemDetail> engine(EngineException e) {
        ResponseEntity<ProblemDetail> r = withField(problem(statusOf(e.code()), codeOf(e.code()), e.getMessage(), null), e.field());
        return e.code() == ErrorCode.TIME_BUDGET ? retryAfter(r, 1) : r;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        ResponseEntity<ProblemDetail> r = withField(problem(e.status(), e.code(), e.getMessage(), null), e.field());
        return e.retryAfterSeconds() == null ? r : retryAfter(r, e.retryAfterSeconds());
    }

    /** Names the request field at fault, by its path, in the {@code field} member. */
    private static ResponseEntity<ProblemDetail> withField(ResponseEntity<ProblemDetail> r, String field) {
        if (field != null) r.getBody().setProperty(FIELD, field);
        return r;
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
        if (body.getProperties() != null && body.getProperties().get(FIELD) instanceof String field) {
            body.setProperty(FIELD, "ops[" + f.index() + "]." + field);
        }
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

    @ExceptionHandler(dev.backprop.training.JobStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(dev.backprop.training.JobStoreUnavailableException e) {
        ResponseEntity<ProblemDetail> r = problem(503, "store-unavailable", "the job store cannot be reached now; retry shortly", null);
        return ResponseEntity.status(503).contentType(MediaType.APPLICATION_PROBLEM_JSON).header("Retry-After", "5").body(r.getBody());
    }

    @ExceptionHandler(dev.backprop.graph.GraphTooLargeException.class)
    ResponseEntity<ProblemDetail> graphTooLarge(dev.backprop.graph.GraphTooLargeException e) {
        return problem(413, "graph-too-large", e.getMessage(), null);
    }

    @ExceptionHandler(BodyReadTimeoutException.class)
    ResponseEntity<ProblemDetail> bodyTimeout(BodyReadTimeoutException e) {
        return problem(408, "body-timeout", e.getMessage(), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return problem(413, "body-too-large", tooLarge.getMessage(), null);
            }
            if (t instanceof BodyReadTimeoutException late) {
                return bodyTimeout(late);
            }
            if (t instanceof BodyRefusedException refused) {
                return api(refused.refusal());
            }
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException c) {
                return problem(400, "json-limits", "the JSON body is outside the limits: "
                        + withoutParserReference(c.getOriginalMessage()), null);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.JacksonException j) {
                return problem(JsonBodyErrors.describe(j));
            }
        }
        return problem(400, "malformed-json", "a JSON body is required", null);
    }

    /** "... exceeds the maximum allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`)" without the parser's setting. */
    private static String withoutParserReference(String message) {
        return message == null ? "" : message.replaceAll(", from `[^`]*`", "");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String expected = ValueKinds.expected(e.getRequiredType());
        String value = String.valueOf(e.getValue());
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return problem(400, "invalid-parameter", parameter(e.getParameter(), e.getName()) + " must be "
                + (expected == null ? "of another type" : expected) + ", got '" + shown + "'", null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        String expected = e.getMethodParameter() == null ? null : ValueKinds.expected(e.getMethodParameter().getParameterType());
        return problem(400, "invalid-parameter", "the query parameter '" + e.getParameterName() + "' is missing"
                + (expected == null ? "" : ": expected " + expected), null);
    }

    private static String parameter(MethodParameter parameter, String name) {
        if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) return "the path segment '" + name + "'";
        if (parameter != null && parameter.hasParameterAnnotation(RequestHeader.class)) return "the header '" + name + "'";
        return "the query parameter '" + name + "'";
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return problem(404, "not-found", "no resource at " + e.getResourcePath(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        List<String> allowed = e.getSupportedHttpMethods() == null ? List.of()
                : e.getSupportedHttpMethods().stream().map(HttpMethod::name).sorted().toList();
        String detail = e.getMethod() + " is not allowed on " + request.getRequestURI()
                + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed));
        ResponseEntity<ProblemDetail> r = problem(405, "method-not-allowed", detail, null);
        return allowed.isEmpty() ? r : ResponseEntity.status(405).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ALLOW, String.join(",", allowed)).body(r.getBody());
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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                // Spring wraps an Error a handler throws; a process that has run out of heap must not go on serving.
                log.error("out of memory while handling a request; the process stops", oom);
                Runtime.getRuntime().halt(3);
            }
        }
        log.error("unexpected failure", e);
        return problem(500, "internal-error", "the service failed to handle this request", null);
    }

    static int statusOf(ErrorCode code) {
        return switch (code) {
            case UNKNOWN_OP, UNKNOWN_FIELD, INVALID_FIELD -> 400;
            case TOO_LARGE -> 413;
            case TIME_BUDGET -> 503;
            default -> 422;
        };
    }

    static String codeOf(ErrorCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ResponseEntity<ProblemDetail> problem(StatusProblem p) {
        return withField(problem(p.status(), p.code(), p.detail(), null), p.field());
    }

    static ResponseEntity<ProblemDetail> problem(int status, String code, String detail, String title) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        p.setType(URI.create(TYPE_BASE + code));
        p.setTitle(title != null ? title : HttpStatus.valueOf(status).getReasonPhrase());
        p.setProperty("code", code);
        String requestId = RequestIds.current();
        if (requestId != null) p.setProperty(RequestIds.MEMBER, requestId);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
