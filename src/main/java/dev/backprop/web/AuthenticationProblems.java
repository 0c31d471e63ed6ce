package dev.backprop.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without valid credentials: 401 problem+json, with the RFC 6750 {@code WWW-Authenticate}
 * challenge ({@code error="invalid_token"} when a credential was sent and refused).
 */
final class AuthenticationProblems implements AuthenticationEntryPoint {
    static final String REALM = "backprop";

    private final Audit audit;

    AuthenticationProblems(Audit audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal) throws IOException {
        if (refusal instanceof CredentialRefused || refusal instanceof OAuth2AuthenticationException) {
            String why = refusal instanceof OAuth2AuthenticationException o && o.getError().getDescription() != null
                    ? o.getError().getDescription().replaceFirst("^An error occurred while attempting to decode the Jwt: ", "")
                    : refusal.getMessage();
            audit.authenticationFailed(why, request.getRemoteAddr(), request.getRequestURI());
            write(response, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + quoted(why) + "\"",
                    new StatusProblem(401, "invalid-credentials", why));
        } else {
            audit.authenticationFailed("no credentials", request.getRemoteAddr(), request.getRequestURI());
            write(response, "Bearer realm=\"" + REALM + "\"", new StatusProblem(401, "unauthenticated",
                    "this request needs credentials: send Authorization: Bearer <API key or token>"));
        }
    }

    private static void write(HttpServletResponse response, String challenge, StatusProblem problem) throws IOException {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", challenge);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(problem.json().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6750's error_description is a quoted string of printable ASCII without '"' or '\'. */
    private static String quoted(String s) {
        return s.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "'");
    }

    /** A credential that was sent and is not accepted. */
    static final class CredentialRefused extends AuthenticationException {
        CredentialRefused(String detail) {
            super(detail);
        }
    }
}
