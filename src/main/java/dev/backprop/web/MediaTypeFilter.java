package dev.backprop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 415, request bodies whose Content-Type the API cannot read before anything reads them: one
 * that does not parse, a wildcard ({@code *}{@code /*}), and forms, which the servlet container would
 * otherwise decode as parameters on the first look at the request. Every API body is JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class MediaTypeFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getContentType() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request.getContentType());
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(415);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(new StatusProblem(415, "unsupported-media-type", refusal).json().getBytes(StandardCharsets.UTF_8));
    }

    /** Why a body of this type cannot be read, or null when it can be tried. */
    static String refusal(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "the Content-Type '" + shorten(contentType) + "' is not a media type: send application/json";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "the Content-Type '" + shorten(contentType) + "' names no media type: send application/json";
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.MULTIPART_FORM_DATA.includes(type)) {
            return "forms are not read here: send application/json";
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
