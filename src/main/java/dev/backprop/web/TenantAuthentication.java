package dev.backprop.web;

import dev.backprop.session.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated caller: its tenant and role, whichever credential proved them. */
final class TenantAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;

    TenantAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.admin() ? "ROLE_ADMIN" : "ROLE_USER")));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
