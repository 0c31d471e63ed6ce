package dev.backprop.web;

import dev.backprop.session.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit log, {@code backprop.audit}: one line for each act that someone may later have to account for —
 * a refused authentication, an admin's use of its key, a job cancelled, something deleted. Each line carries
 * its facts as key-value pairs as well as in its message, and the request's id and trace from the MDC.
 */
@Component
public class Audit {
    private static final Logger log = LoggerFactory.getLogger("backprop.audit");

    /** A request whose credentials were missing or refused, for this {@code reason}. */
    public void authenticationFailed(String reason, String remoteAddress, String path) {
        log.atWarn().addKeyValue("event", "authentication-failed").addKeyValue("reason", reason)
                .addKeyValue("remoteAddress", remoteAddress).addKeyValue("path", path)
                .log("authentication failed from {} for {}: {}", remoteAddress, path, reason);
    }

    /** A request that an admin key authenticated, acting for {@code tenant}. */
    public void adminKeyUsed(String tenant, String method, String path) {
        log.atInfo().addKeyValue("event", "admin-key-used").addKeyValue("tenant", tenant)
                .addKeyValue("method", method).addKeyValue("path", path)
                .log("admin key of {} used for {} {}", tenant, method, path);
    }

    /** A job that {@code caller} cancelled. */
    public void jobCancelled(Caller caller, String jobId) {
        log.atInfo().addKeyValue("event", "job-cancelled").addKeyValue("tenant", caller.owner())
                .addKeyValue("admin", caller.admin()).addKeyValue("job", jobId)
                .log("job {} cancelled by {}{}", jobId, caller.owner(), caller.admin() ? " (admin)" : "");
    }

    /** A resource of this {@code kind} (session, tensor, module, optimizer, scheduler) that {@code caller} deleted. */
    public void deleted(Caller caller, String kind, String id) {
        log.atInfo().addKeyValue("event", "deleted").addKeyValue("tenant", caller.owner())
                .addKeyValue("kind", kind).addKeyValue("id", id)
                .log("{} {} deleted by {}", kind, id, caller.owner());
    }
}
