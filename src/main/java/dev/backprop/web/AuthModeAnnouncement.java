package dev.backprop.web;

import dev.backprop.session.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up how callers are authenticated, and loudly when they are not. */
@Component
class AuthModeAnnouncement {
    private static final Logger log = LoggerFactory.getLogger(AuthModeAnnouncement.class);

    private final AuthProperties auth;
    private final Environment environment;

    AuthModeAnnouncement(AuthProperties auth, Environment environment) {
        this.auth = auth;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        switch (auth.mode()) {
            case NONE -> {
                String address = environment.getProperty("server.address", LoopbackWhenOpen.LOOPBACK);
                if (address.equals(LoopbackWhenOpen.LOOPBACK)) {
                    log.warn("Authentication is off (backprop.auth.mode=none): every caller is tenant '{}', and the service listens on {} "
                            + "only. Set backprop.auth.mode=api-keys or jwt to serve other machines.", Caller.LOCAL.owner(), address);
                } else {
                    log.warn("Authentication is off (backprop.auth.mode=none) and the service listens on {}: anyone who reaches it is "
                            + "tenant '{}'.", address, Caller.LOCAL.owner());
                }
            }
            case API_KEYS -> log.info("Callers authenticate with API keys ({} configured)", auth.apiKeys().size());
            case JWT -> log.info("Callers authenticate with JWT bearer tokens (tenant claim '{}', role claim '{}')",
                    auth.jwt().tenantClaim(), auth.jwt().roleClaim());
        }
    }
}
