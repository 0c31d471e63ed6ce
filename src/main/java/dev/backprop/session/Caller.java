package dev.backprop.session;

/** The principal a request acts for; every session and job belongs to one, and lookups are by (owner, id). */
public record Caller(String owner) {
    public static final Caller ANONYMOUS = new Caller("anonymous");
}
