package dev.backprop.web;

import dev.backprop.session.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One line on the {@code backprop.audit} logger for each authentication failure and each admin request. */
@Component
public class Audit {
    private static final Logger log = LoggerFactory.getLogger("backprop.audit");

    public void authenticationFailed(HttpServletRequest request, String reason) {
        log.warn("authentication failed: {} (from {}, {} {})", reason, request.getRemoteAddr(), request.getMethod(), request.getRequestURI());
    }

    public void adminAccess(Caller caller, HttpServletRequest request) {
        log.info("admin key used: tenant {} {} {}", caller.owner(), request.getMethod(), request.getRequestURI());
    }
}
