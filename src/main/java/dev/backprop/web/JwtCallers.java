package dev.backprop.web;

import dev.backprop.session.Caller;
import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** The caller a verified JWT names: its tenant claim, and {@code admin} in its role claim for an admin. */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {
    private final AuthProperties.Jwt claims;

    JwtCallers(AuthProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object tenant = jwt.getClaims().get(claims.tenantClaim());
        if (!(tenant instanceof String t) || !AuthProperties.TENANT.matcher(t).matches()) {
            throw new InvalidBearerTokenException("the token has no '" + claims.tenantClaim() + "' claim naming a tenant "
                    + "(1 to 64 letters, digits, '.', '_' or '-')");
        }
        return new TenantAuthentication(new Caller(t, isAdmin(jwt.getClaims().get(claims.roleClaim()))));
    }

    private boolean isAdmin(Object role) {
        return switch (role) {
            case null -> false;
            case String s -> switch (s) {
                case "admin" -> true;
                case "user" -> false;
                default -> throw new InvalidBearerTokenException("the token's '" + claims.roleClaim() + "' claim is neither 'user' nor 'admin'");
            };
            case Collection<?> c -> c.contains("admin");
            default -> throw new InvalidBearerTokenException("the token's '" + claims.roleClaim() + "' claim is not a string or a list");
        };
    }
}
