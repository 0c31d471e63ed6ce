package dev.backprop.session;

import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Session ids: random UUIDs whose first 8 hexadecimal digits name the replica that holds the session, so that a
 * request reaching another replica can be forwarded to it (sessions live in their replica's memory).
 */
public final class SessionIds {
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String replica;

    private SessionIds(String replica) {
        this.replica = replica;
    }

    /** Ids for a replica of its own, chosen at random for this process. */
    public static SessionIds forNewReplica() {
        return new SessionIds(HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }

    /** This process's replica: the first 8 hexadecimal digits of every session id it gives. */
    public String replica() {
        return replica;
    }

    public String next() {
        return replica + UUID.randomUUID().toString().substring(8);
    }

    /** The replica that a session id names, if it is one of these ids. */
    public static Optional<String> replicaOf(String sessionId) {
        return sessionId != null && FORM.matcher(sessionId).matches() ? Optional.of(sessionId.substring(0, 8)) : Optional.empty();
    }
}
