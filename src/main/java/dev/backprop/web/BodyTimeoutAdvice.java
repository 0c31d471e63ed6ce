package dev.backprop.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 408 {@code body-timeout} for a body that ran past its read deadline. The deadline strikes inside the JSON
 * reader, which wraps it in its own exceptions; this advice comes before {@link ProblemHandler} so that
 * Spring finds it by the cause.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyTimeoutAdvice {

    @ExceptionHandler(BodyReadTimeoutException.class)
    ResponseEntity<ProblemDetail> bodyTimeout(BodyReadTimeoutException e) {
        return ProblemHandler.problem(408, "body-timeout", e.getMessage(), null);
    }
}
