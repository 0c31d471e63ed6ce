package dev.backprop.session;

/**
 * The principal a request acts for: the tenant that owns what it creates, and whether it is an admin (who may
 * list and cancel every tenant's jobs). Sessions and jobs are looked up by (owner, id).
 */
public record Caller(String owner, boolean admin) {
    /** The one tenant of a service that runs without authentication. */
    public static final Caller LOCAL = new Caller("local", false);

    public Caller(String owner) {
        this(owner, false);
    }

    /** Whether this is {@link #LOCAL} itself, whose service has no tenants to share it with and so no tenant quotas. */
    public boolean isLocal() {
        return this == LOCAL;
    }
}
