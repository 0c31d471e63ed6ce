package dev.backprop.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page: what the container dispatches to when a request ends in an error that no handler
 * answered (a path under WEB-INF, a TRACE, an exception from a filter, an asynchronous request whose client
 * went away). It answers problem details, in place of Boot's error controller; a response that has already
 * begun is left as it is.
 */
@RestController
class ErrorDispatchController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ErrorDispatchController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status) || path == null) {
            return ProblemHandler.problem(404, "not-found", "no resource at " + request.getRequestURI(), null);
        }
        if (response.isCommitted()) {
            log.debug("{} {} ended with status {} after its response had begun ({}); nothing more is sent", request.getMethod(), path,
                    status, request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            return null;
        }
        ResponseEntity<ProblemDetail> answer = ProblemHandler.problem(StatusProblem.of(status, originalMethod(request), path));
        try {
            answer.getBody().setInstance(URI.create(path));
        } catch (IllegalArgumentException notAUri) {
            // the instance stays the error page's own path
        }
        return answer;
    }

    /** The method the client sent: an error dispatch presents itself as a GET. */
    private static String originalMethod(HttpServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper wrapper) r = wrapper.getRequest();
        return r instanceof HttpServletRequest http ? http.getMethod() : request.getMethod();
    }
}
