package dev.backprop.training;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes jobs to the store from one thread, every {@code interval}: each job's new status, the events up to its
 * latest checkpoint with that checkpoint (or, once it has ended, all its events with its end), in one transaction
 * per job, and only then lets streams see those events. A running job is asked for a checkpoint after each write,
 * so a crash loses at most about two intervals of its training, and the job's thread never waits for the store.
 * A write that fails is tried again at the next tick with whatever is newer by then; the store counts as
 * unreachable until one succeeds.
 */
final class JobWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobWriter.class);

    private final JobLedger ledger;
    private final Duration interval;
    private final BiFunction<Job, JobDurability.Offered, Prepared> prepare;
    private final Runnable leases;
    private final java.util.function.Consumer<Job> lost;
    private final Set<Job> pending = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean reachable = true;

    /**
     * @param leases renews this process's leases and takes over jobs whose process died, after each round of writes
     * @param lost   stops a job that another process has taken over
     */
    JobWriter(JobLedger ledger, Duration interval, BiFunction<Job, JobDurability.Offered, Prepared> prepare, Runnable leases,
              java.util.function.Consumer<Job> lost) {
        this.ledger = ledger;
        this.interval = interval;
        this.prepare = prepare;
        this.leases = leases;
        this.lost = lost;
        this.thread = Thread.ofPlatform().name("job-writer").daemon().unstarted(this::loop);
        if (ledger.durable()) thread.start();
    }

    /** Keeps writing {@code job} until it has ended (or is handed back at shutdown) and all of it is written. */
    void track(Job job) {
        if (ledger.durable()) pending.add(job);
    }

    /** Writes soon rather than at the next tick: a job ended. */
    void wake() {
        LockSupport.unpark(thread);
    }

    private void loop() {
        while (!stopped) {
            tick();
            LockSupport.parkNanos(this, interval.toNanos());
        }
    }

    /** One round of writes: every job with something new, then the leases. */
    synchronized void tick() {
        for (Job job : pending) {
            if (!write(job)) return;
        }
        try {
            leases.run();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
    }

    /** A write to do, the id of the last event it makes durable and the log's generation it was cut from. */
    record Prepared(JobLedger.JobWrite write, long through, int generation) {}

    private boolean write(Job job) {
        JobDurability d = job.durability;
        JobDurability.Offered offered = d.latest();
        Prepared prepared = prepare.apply(job, offered);
        try {
            if (prepared != null) ledger.write(prepared.write());
        } catch (JobLeaseLostException e) {
            log.warn("{}: it stops here", e.getMessage());
            pending.remove(job);
            lost.accept(job);
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
        if (!reachable) {
            reachable = true;
            log.info("the job store is reachable again");
        }
        if (prepared != null) {
            d.written(prepared.write().checkpoint() == null ? null : offered);
            d.writtenThrough = prepared.through();
            d.writtenGeneration = prepared.generation();
            d.writtenStatus = prepared.write().status();
            job.journal.events().publish(d.writtenThrough);
        }
        boolean ended = d.writtenStatus != null && d.writtenStatus.isTerminal();
        boolean handedBack = d.suspending && d.settled && d.latest() == null;
        if (ended || handedBack) {
            pending.remove(job);
        } else if (job.status == JobStatus.RUNNING) {
            d.checkpointWanted = true;
        }
        return true;
    }

    /** Ends a stored job that cannot be read back: FAILED with {@code reason}, its events left as they are. */
    void markFailed(JobLedger.StoredJob job, String reason) {
        try {
            ledger.fail(job.id(), reason);
        } catch (RuntimeException e) {
            log.error("job {} could not be marked failed", job.id(), e);
        }
    }

    private void failed(RuntimeException e) {
        if (reachable) {
            reachable = false;
            log.warn("the job store is unreachable; jobs go on and are written once it is back: {}", e.getMessage());
        }
    }

    /** Jobs with something still to write. */
    int pendingJobs() {
        return pending.size();
    }

    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
    }
}
