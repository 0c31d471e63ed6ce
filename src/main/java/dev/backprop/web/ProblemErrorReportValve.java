package dev.backprop.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as problem details: the answer to an error that no servlet answered, such as a
 * request Tomcat refuses before it reaches Spring (a path with an encoded NUL or '/', bytes that are not
 * UTF-8, a request line or header over the size limit, an unsupported HTTP version), in place of Tomcat's
 * HTML page. Tomcat's own message is never sent; it only tells a refused path from a malformed request. The
 * answer carries the request's id, which is a new one where the request never reached the service's filters.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String requestId = RequestIds.of(request);
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem(request, response).json(requestId));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGone) {
            // nothing more can be sent
        }
    }

    private static StatusProblem problem(Request request, Response response) {
        StatusProblem p = StatusProblem.of(response.getStatus(), request.getMethod(), request.getRequestURI());
        if (p.status() != 400) {
            return p;
        }
        String message = response.getMessage();
        if (message != null && message.startsWith("Invalid URI")) {
            return new StatusProblem(400, p.code(), "the request's path is refused: it holds an encoded '/', '\\' or control "
                    + "character, or climbs above the root");
        }
        return new StatusProblem(400, p.code(), "the request line or a header is malformed, or the request line and headers "
                + "are over the " + request.getConnector().getProperty("maxHttpRequestHeaderSize") + " bytes allowed");
    }
}
