package dev.backprop.web;

import dev.backprop.memory.MemoryPool;
import dev.backprop.memory.Pools;
import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} request header (draft-ietf-httpapi-idempotency-key-header) on the POSTs that create:
 * a retry with the key of a request that succeeded, and the same request, gets the first answer again (status,
 * {@code Location}, body) with {@code Idempotent-Replayed: true}, and nothing is done twice. The same key with
 * another request is a 422 {@code idempotency-key-reused}; a retry while the first is still running is a 409
 * {@code idempotency-key-in-flight}. Keys are per tenant. Only 2xx answers are remembered, so a failed request may
 * be retried with its key; answers are forgotten after {@code backprop.idempotency.keep-for}, and the oldest first
 * beyond the count and bytes {@link IdempotencyLimits} allow. What they hold is counted in the sessions' memory pool,
 * as the other state the service keeps for its clients between requests: an answer that does not fit there is sent
 * and not remembered.
 */
@Component
class IdempotencyKeys {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    /** Bytes of one entry besides its strings and body: the map's node, the key and answer records, array headers, the digest. */
    static final int ENTRY_OVERHEAD = 320;

    private record Key(String owner, String key) {}

    private record Answer(byte[] fingerprint, int status, String location, byte[] body, Instant expires, long bytes) {}

    private final Map<Key, byte[]> inFlight = new HashMap<>();
    /** In the order they were remembered, which is also the order they expire in. */
    private final LinkedHashMap<Key, Answer> answers = new LinkedHashMap<>();
    private final IdempotencyLimits limits;
    private final MemoryPool memory;
    private final JsonMapper json;
    private final Clock clock;
    private long bytes;

    @Autowired
    IdempotencyKeys(IdempotencyLimits limits, Pools pools, JsonMapper json, Clock clock) {
        this(limits, pools.sessions(), json, clock);
    }

    IdempotencyKeys(IdempotencyLimits limits, MemoryPool memory, JsonMapper json, Clock clock) {
        this.limits = limits;
        this.memory = memory;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The answer to {@code operation} with {@code request} (the parsed body) for a caller that sent {@code key}
     * (null: no header, and {@code work} simply runs): {@code work}'s answer, or the remembered one.
     */
    ResponseEntity<?> answer(Caller caller, String key, String operation, Object request, Supplier<ResponseEntity<?>> work) {
        if (key == null) return work.get();
        check(key);
        Key k = new Key(caller.owner(), key);
        byte[] fingerprint = fingerprint(operation, request);
        Answer earlier = begin(k, fingerprint);
        if (earlier != null) return replay(earlier);
        ResponseEntity<?> answer;
        try {
            answer = work.get();
        } catch (RuntimeException | Error e) {
            forget(k);
            throw e;
        }
        remember(k, fingerprint, answer);
        return answer;
    }

    private static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.badParameter("invalid-idempotency-key", HEADER, "the Idempotency-Key header must be 1 to "
                    + MAX_KEY_LENGTH + " printable ASCII characters, got " + key.length() + " characters"
                    + (key.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? "" : " with others among them"));
        }
    }

    /** The remembered answer for the key, or null after marking the key in flight; 409 or 422 when it cannot be either. */
    private synchronized Answer begin(Key k, byte[] fingerprint) {
        expire();
        Answer earlier = answers.get(k);
        byte[] running = inFlight.get(k);
        byte[] seen = earlier != null ? earlier.fingerprint() : running;
        if (seen != null && !Arrays.equals(seen, fingerprint)) {
            throw new ApiException(422, "idempotency-key-reused", "the Idempotency-Key '" + StrictRequestCheck.shortened(k.key())
                    + "' was sent with another request: a key names one request; send a new key for a new one");
        }
        if (running != null) {
            throw new ApiException(409, "idempotency-key-in-flight", "the request with the Idempotency-Key '"
                    + StrictRequestCheck.shortened(k.key()) + "' is still being handled: retry once it has been answered");
        }
        if (earlier == null) inFlight.put(k, fingerprint);
        return earlier;
    }

    private synchronized void forget(Key k) {
        inFlight.remove(k);
    }

    private synchronized void remember(Key k, byte[] fingerprint, ResponseEntity<?> answer) {
        inFlight.remove(k);
        if (!answer.getStatusCode().is2xxSuccessful()) return;
        byte[] body = answer.getBody() == null ? new byte[0] : json.writeValueAsBytes(answer.getBody());
        if (body.length > limits.maxBodyBytes().toBytes()) return;
        URI location = answer.getHeaders().getLocation();
        String path = location == null ? null : location.toString();
        long size = ENTRY_OVERHEAD + body.length + k.key().length() + k.owner().length() + (path == null ? 0 : path.length());
        if (!memory.tryReserve(size)) return;
        answers.put(k, new Answer(fingerprint, answer.getStatusCode().value(), path, body, clock.instant().plus(limits.keepFor()), size));
        bytes += size;
        expire();
    }

    /** Forgets answers past their time, then the oldest while there are more, or more bytes, than allowed. */
    private void expire() {
        Instant now = clock.instant();
        Iterator<Answer> oldestFirst = answers.values().iterator();
        while (oldestFirst.hasNext()) {
            Answer a = oldestFirst.next();
            if (a.expires().isAfter(now) && answers.size() <= limits.maxEntries() && bytes <= limits.maxBytes().toBytes()) break;
            oldestFirst.remove();
            bytes -= a.bytes();
            memory.release(a.bytes());
        }
    }

    private static ResponseEntity<byte[]> replay(Answer a) {
        ResponseEntity.BodyBuilder r = ResponseEntity.status(a.status()).header(REPLAYED, "true");
        if (a.location() != null) r.location(URI.create(a.location()));
        return r.contentType(MediaType.APPLICATION_JSON).body(a.body());
    }

    /** SHA-256 of the operation and the request as parsed, so that spacing and the order of fields do not count. */
    private byte[] fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return sha.digest(json.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
