package dev.backprop.web;

import dev.backprop.session.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The configured API keys, known only by their SHA-256. A presented key is hashed and compared with every
 * entry in constant time, so neither the match nor its position shows in the time taken.
 */
final class ApiKeys {
    /** What a presented key turned out to be. */
    sealed interface Verdict {}

    record Accepted(Caller caller) implements Verdict {}

    record Revoked(String tenant) implements Verdict {}

    record Unknown() implements Verdict {}

    private record Entry(byte[] hash, AuthProperties.ApiKey key) {}

    private final List<Entry> entries;

    ApiKeys(List<AuthProperties.ApiKey> keys) {
        this.entries = keys.stream().map(k -> new Entry(HexFormat.of().parseHex(k.sha256()), k)).toList();
    }

    Verdict check(String presented) {
        byte[] hash = sha256(presented);
        AuthProperties.ApiKey found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash, hash)) found = e.key;
        }
        if (found == null) return new Unknown();
        if (found.revoked()) return new Revoked(found.tenant());
        return new Accepted(new Caller(found.tenant(), found.role() == AuthProperties.Role.ADMIN));
    }

    static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** A new key: 256 random bits, URL-safe, prefixed so that it is recognisable in a secret scanner. */
    static String mint() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "bp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
