package dev.backprop.session;

import dev.backprop.engine.Footprint;
import dev.backprop.engine.Tensor;
import dev.backprop.memory.MemoryPool;
import dev.backprop.memory.Pools;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Creates, finds, serializes and expires sessions. Requests on one session run one at a time under
 * its lock; different sessions run in parallel. Ids are UUIDs whose first 8 hexadecimal digits name this
 * replica ({@link SessionIds}) and whose other 90 bits are random (from {@link java.security.SecureRandom}).
 */
@Service
public class SessionService {
    /** The seed of PyTorch's default generator in a fresh process. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private record Key(String owner, String id) {}

    private final ConcurrentHashMap<Key, Session> sessions = new ConcurrentHashMap<>();
    private final MemoryPool sessionsPool;
    private final Limits limits;
    private final TenantQuotas tenants;
    private final TenantUsage tenantSessions = new TenantUsage();
    private final TenantUsage tenantBytes = new TenantUsage();
    private final Clock clock;
    private final ScheduledExecutorService sweeper;
    private final SessionIds ids;

    public SessionService(Limits limits, TenantQuotas tenants, Pools pools, Clock clock, SessionIds ids) {
        this.ids = ids;
        this.limits = limits;
        this.tenants = tenants;
        this.sessionsPool = pools.sessions();
        this.clock = clock;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("session-expiry").factory());
        long period = Math.max(1000, Math.min(limits.sessionTtl().toMillis() / 4, 60_000));
        sweeper.scheduleAtFixedRate(this::expireIdle, period, period, TimeUnit.MILLISECONDS);
    }

    public synchronized Session create(Caller caller, Long seed) {
        if (sessions.size() >= limits.maxSessions()) {
            throw ApiException.quota("session-quota", "the service holds " + sessions.size() + " sessions, its limit; idle ones expire "
                    + "after " + limits.sessionTtl().toMinutes() + " minutes", 30);
        }
        if (!caller.isLocal() && !tenantSessions.tryAdd(caller.owner(), 1, tenants.maxSessions())) {
            throw ApiException.quota("tenant-session-quota", "tenant '" + caller.owner() + "' holds " + tenants.maxSessions()
                    + " sessions, its limit: delete one, or let an idle one expire (after " + limits.sessionTtl().toMinutes() + " minutes)");
        }
        Session s = new Session(ids.next(), caller, clock.instant(), seed == null ? DEFAULT_SEED : seed);
        sessions.put(new Key(caller.owner(), s.id), s);
        return s;
    }

    /** A page of the caller's sessions, newest first. */
    public Page<Session> list(Caller caller, PageQuery query) {
        List<Session> mine = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (s.owner.equals(caller.owner())) mine.add(s);
        }
        return Page.of(mine, Session::position, query);
    }

    public void delete(Caller caller, String id) {
        Session s = sessions.remove(new Key(caller.owner(), id));
        if (s == null) {
            throw ApiException.notFound("session", id);
        }
        s.lock.lock();
        try {
            close(s);
        } finally {
            s.lock.unlock();
        }
    }

    /** Runs {@code work} holding the session's lock; the session counts as used now. */
    public <T> T withSession(Caller caller, String id, Function<Session, T> work) {
        return withSession(caller, id, Answer.FULL, work);
    }

    /** As {@link #withSession(Caller, String, Function)}, for work that answers nothing. */
    public void inSession(Caller caller, String id, java.util.function.Consumer<Session> work) {
        withSession(caller, id, s -> {
            work.accept(s);
            return null;
        });
    }

    /** Runs {@code work} holding the session's lock; changes it makes are kept only if {@code answer} is within its limit. */
    public <T> T withSession(Caller caller, String id, Answer answer, Function<Session, T> work) {
        Session s = sessions.get(new Key(caller.owner(), id));
        if (s == null) {
            throw ApiException.notFound("session", id);
        }
        s.lock.lock();
        try {
            if (s.closed) {
                throw ApiException.notFound("session", id);
            }
            s.lastAccess = clock.instant();
            s.answer = answer;
            return work.apply(s);
        } finally {
            s.answer = Answer.FULL;
            s.lock.unlock();
        }
    }

    public Instant expiresAt(Session s) {
        return s.lastAccess.plus(limits.sessionTtl());
    }

    /**
     * Measures what the session now holds and checks it against the quotas; on success records it.
     * Call with the session's lock held, before committing a change; a violation throws 429. The session's and its
     * tenant's quotas count its tensors' bytes; the service's total counts what it takes of the heap ({@link HeapCharge}).
     */
    public void checkQuotas(Session s, Iterable<Tensor> held) {
        Footprint f = Footprint.of(held);
        if (f.bytes() > limits.maxSessionBytes()) {
            throw ApiException.quota("session-bytes-quota", "the session would hold " + f.bytes() + " bytes, over its limit of "
                    + limits.maxSessionBytes());
        }
        if (f.graphNodes() > limits.maxGraphNodes()) {
            throw ApiException.quota("graph-nodes-quota", "the session's graphs would hold " + f.graphNodes()
                    + " nodes, over the limit of " + limits.maxGraphNodes());
        }
        long objects = HeapCharge.objects(s);
        if (objects > limits.maxSessionObjects()) {
            throw ApiException.quota("session-objects-quota", "the session would hold " + objects + " tensors, modules, optimizers "
                    + "and schedulers, over its limit of " + limits.maxSessionObjects());
        }
        long delta = f.bytes() - s.bytes;
        if (delta > 0 && s.metered && !tenantBytes.tryAdd(s.owner, delta, tenants.maxBytes())) {
            throw ApiException.quota("tenant-bytes-quota", "tenant '" + s.owner + "' would hold " + (tenantBytes.of(s.owner) + delta)
                    + " bytes in its sessions, over its limit of " + tenants.maxBytes());
        }
        long heap = HeapCharge.bytes(f, objects);
        long heapDelta = heap - s.heapBytes;
        if (heapDelta > 0 && !sessionsPool.tryReserve(heapDelta)) {
            if (delta > 0 && s.metered) tenantBytes.release(s.owner, delta);
            throw ApiException.quota("total-bytes-quota", "the service would hold " + (sessionsPool.reserved() + heapDelta) + " bytes, "
                    + "over its limit of " + sessionsPool.capacity(), 30);
        }
        if (heapDelta < 0) sessionsPool.release(-heapDelta);
        if (delta < 0 && s.metered) tenantBytes.release(s.owner, -delta);
        s.bytes = f.bytes();
        s.heapBytes = heap;
        s.graphNodes = f.graphNodes();
    }

    /** The bytes of tensor data all sessions hold, graphs included. */
    public long totalBytes() {
        long total = 0;
        for (Session s : sessions.values()) total += s.bytes;
        return total;
    }

    /** What the sessions take of their share of the heap: their bytes and the objects around them (and kept answers). */
    public long heapBytes() {
        return sessionsPool.reserved();
    }

    public int count() {
        return sessions.size();
    }

    void expireIdle() {
        Instant now = clock.instant();
        Duration ttl = limits.sessionTtl();
        for (var e : sessions.entrySet()) {
            Session s = e.getValue();
            if (s.lastAccess.plus(ttl).isBefore(now) && s.lock.tryLock()) {
                try {
                    if (s.lastAccess.plus(ttl).isBefore(now) && sessions.remove(e.getKey(), s)) {
                        close(s);
                    }
                } finally {
                    s.lock.unlock();
                }
            }
        }
    }

    private void close(Session s) {
        s.closed = true;
        sessionsPool.release(s.heapBytes);
        if (s.metered) {
            tenantBytes.release(s.owner, s.bytes);
            tenantSessions.release(s.owner, 1);
        }
        s.bytes = 0;
        s.heapBytes = 0;
        s.tensors.clear();
        s.modules.clear();
        s.optimizers.clear();
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}
