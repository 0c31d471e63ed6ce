package dev.backprop.web;

import dev.backprop.session.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** The {@link Caller} that authentication attached to a request; {@link Caller#LOCAL} where none did. */
public final class CurrentCaller {
    static final String ATTRIBUTE = Caller.class.getName();

    private CurrentCaller() {}

    public static Caller of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller c ? c : Caller.LOCAL;
    }

    static void set(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
