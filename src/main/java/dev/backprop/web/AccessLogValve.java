package dev.backprop.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log, {@code backprop.access}: one line for each request on the API port once it is over — after
 * the error page, when an event stream ends, and for a request Tomcat refused before it reached the service.
 * It names the method, the path and the query's parameter names (never their values), the status, the time
 * taken, the bytes of body sent, and the tenant (paths and names cut to a bounded length); the request's id and trace are in the MDC as for every other
 * line of the request.
 */
final class AccessLogValve extends ValveBase implements AccessLog {
    private static final Logger log = LoggerFactory.getLogger("backprop.access");
    static final int MAX_NAMES = 16;
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_PATH_LENGTH = 512;

    AccessLogValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
    }

    /** Tomcat's remote address attributes (of a RemoteIpValve) are not logged: the access line names no address. */
    @Override
    public void setRequestAttributesEnabled(boolean enabled) {
    }

    @Override
    public boolean getRequestAttributesEnabled() {
        return false;
    }

    @Override
    public void log(Request request, Response response, long nanos) {
        if (!log.isInfoEnabled()) return;
        String path = shorten(request.getRequestURI() == null ? "" : request.getRequestURI(), MAX_PATH_LENGTH);
        List<String> parameters = parameterNames(request.getQueryString());
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        long bytes = response.getBytesWritten(false);
        String tenant = CurrentCaller.of(request).owner();
        try (MdcScope ignored = RequestIdFilter.mdcOf(request)) {
            log.atInfo()
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", path)
                    .addKeyValue("queryParameters", parameters)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("durationMs", millis)
                    .addKeyValue("bytesSent", bytes)
                    .addKeyValue("tenant", tenant)
                    .log("{} {}{} {} {} ms {} bytes tenant={}", request.getMethod(), path,
                            parameters.isEmpty() ? "" : "?" + String.join("&", parameters), response.getStatus(), millis, bytes,
                            tenant);
        }
    }

    /**
     * The names of a query's parameters, in order, each once, as sent (still percent-encoded): their values may
     * carry data and are not logged. At most {@value #MAX_NAMES} names of at most {@value #MAX_NAME_LENGTH}
     * characters each, so that a hostile query cannot flood the log.
     */
    static List<String> parameterNames(String query) {
        if (query == null || query.isEmpty()) return List.of();
        List<String> names = new ArrayList<>();
        for (String pair : query.split("&", MAX_NAMES + 1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            name = shorten(name, MAX_NAME_LENGTH);
            if (!name.isEmpty() && !names.contains(name) && names.size() < MAX_NAMES) names.add(name);
        }
        return Collections.unmodifiableList(names);
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
