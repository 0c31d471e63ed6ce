package dev.backprop.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its {@link RequestIds id}, echoed in {@code X-Request-Id} on the answer and put in the
 * logging MDC for as long as the request is handled. It runs first of the service's filters, inside only the
 * HTTP observation (which starts the request's trace), so that the answers of the filters after it (415, 413,
 * Spring Security's 401) carry the id too. It runs again for the error page and for asynchronous dispatches,
 * where it also puts back the trace's ids, which the observation no longer holds there, and it remembers them
 * for the access log, which is written once the request is over.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestIdFilter extends OncePerRequestFilter {
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestIds.of(request);
        response.setHeader(RequestIds.HEADER, id);
        try (MdcScope mdc = new MdcScope().put(RequestIds.MDC_KEY, id)) {
            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                remember(request, TRACE_ID);
                remember(request, SPAN_ID);
            } else {
                mdc.put(TRACE_ID, remembered(request, TRACE_ID)).put(SPAN_ID, remembered(request, SPAN_ID));
            }
            chain.doFilter(request, response);
        }
    }

    /** The request's ids in the MDC, for a line logged outside its handling. */
    static MdcScope mdcOf(HttpServletRequest request) {
        return new MdcScope().put(RequestIds.MDC_KEY, RequestIds.of(request)).put(TRACE_ID, remembered(request, TRACE_ID))
                .put(SPAN_ID, remembered(request, SPAN_ID));
    }

    /** The trace's id ({@code traceId}) or the request's span ({@code spanId}) as the request began, or null. */
    static String remembered(HttpServletRequest request, String key) {
        return request.getAttribute(attribute(key)) instanceof String value ? value : null;
    }

    private static void remember(HttpServletRequest request, String key) {
        String value = MDC.get(key);
        if (value != null) request.setAttribute(attribute(key), value);
    }

    private static String attribute(String key) {
        return RequestIdFilter.class.getName() + "." + key;
    }
}
