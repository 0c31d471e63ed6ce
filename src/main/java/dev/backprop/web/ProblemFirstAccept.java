package dev.backprop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} that lists {@code application/problem+json} first is read as a wildcard. Generated clients
 * (openapi-generator's Python client among them) send the first JSON-like type an operation declares, which for
 * a picture or an event stream is the problem type of its errors: they still get the answer, and problems are
 * problem+json whatever the client asked for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ProblemFirstAccept extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || !listsProblemFirst(request.getHeader(HttpHeaders.ACCEPT));
    }

    static boolean listsProblemFirst(String accept) {
        if (accept == null) return false;
        try {
            var types = MediaType.parseMediaTypes(accept);
            return !types.isEmpty() && types.getFirst().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(MediaType.ALL_VALUE))
                        : super.getHeaders(name);
            }
        }, response);
    }
}
