package dev.backprop.web;

import dev.backprop.engine.JsonFields;
import dev.backprop.session.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What an API request carries besides its JSON body is read as strictly as the body: a query parameter
 * the route does not take (its handler's {@code @RequestParam}s), a parameter given twice, and a body sent
 * to a route that takes none are refused before the handler runs, never dropped.
 */
@Component
class StrictRequestCheck implements HandlerInterceptor {
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** Per handler method: the query parameters it takes, and whether it takes a body. */
    private record Route(Set<String> parameters, boolean takesBody) {}

    private final Map<Method, Route> routes = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) return true;
        Route route = routes.computeIfAbsent(method.getMethod(), m -> route(method));
        checkQuery(request.getQueryString(), route.parameters());
        if (!route.takesBody() && hasBody(request)) {
            throw new ApiException(400, "unexpected-body", request.getMethod() + " " + request.getRequestURI()
                    + " takes no body" + (route.parameters().isEmpty() ? "" : "; its options are query parameters ("
                    + String.join(", ", route.parameters()) + ")"));
        }
        return true;
    }

    private static Route route(HandlerMethod method) {
        Set<String> parameters = new LinkedHashSet<>();
        boolean takesBody = false;
        for (MethodParameter p : method.getMethodParameters()) {
            p.initParameterNameDiscovery(NAMES);
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param != null) parameters.add(param.name().isEmpty() ? p.getParameterName() : param.name());
            takesBody |= p.hasParameterAnnotation(RequestBody.class);
        }
        return new Route(parameters, takesBody);
    }

    private static void checkQuery(String query, Set<String> known) {
        if (query == null || query.isEmpty()) return;
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            if (!known.contains(name)) {
                throw new ApiException(400, "unknown-parameter", JsonFields.unknown("query parameter", shortened(name), known));
            }
            if (!seen.add(name)) {
                throw new ApiException(400, "invalid-parameter", "the query parameter '" + shortened(name) + "' is given more than once: send it once");
            }
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** A client's text as a problem quotes it: at most 40 characters. */
    static String shortened(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
