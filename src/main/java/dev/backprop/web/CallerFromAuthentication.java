package dev.backprop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Leaves the authenticated caller on the request for {@link CurrentCaller}, and audits an admin's requests. */
final class CallerFromAuthentication extends OncePerRequestFilter {
    private final Audit audit;

    CallerFromAuthentication(Audit audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TenantAuthentication t) {
            CurrentCaller.set(request, t.getPrincipal());
            if (t.getPrincipal().admin()) audit.adminKeyUsed(t.getPrincipal().owner(), request.getMethod(), request.getRequestURI());
        }
        chain.doFilter(request, response);
    }
}
