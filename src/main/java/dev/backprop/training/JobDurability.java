package dev.backprop.training;

import dev.backprop.engine.train.TrainingCheckpoint;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One job's side of writing it to the store. The job's thread offers checkpoints when the writer asks for one;
 * the writer takes the latest, writes it with the events up to it, and only then lets readers see those events.
 * Everything here but the volatile fields belongs to the writer's thread.
 */
final class JobDurability {
    /** A checkpoint and the journal's position when it was taken. */
    record Offered(TrainingCheckpoint checkpoint, JobJournal.Position position) {}

    private final AtomicReference<Offered> offered = new AtomicReference<>();
    /** The writer wants a checkpoint at the end of the next iteration. */
    volatile boolean checkpointWanted;
    /** The service is stopping: the job is to checkpoint and stop, to go on in the next process. */
    volatile boolean suspending;
    /** Events up to this id may be written without a checkpoint: the job's status events before it trains. */
    volatile long statusThrough;
    /** The job's thread has stopped training it for good (finished or suspended). */
    volatile boolean settled;

    long writtenThrough;
    int writtenGeneration;
    JobStatus writtenStatus;

    void offer(TrainingCheckpoint checkpoint, JobJournal.Position position) {
        offered.set(new Offered(checkpoint, position));
        checkpointWanted = false;
    }

    /** The latest checkpoint offered, left in place until {@link #written} takes it. */
    Offered latest() {
        return offered.get();
    }

    /** The write of {@code taken} (or of no checkpoint, when null) succeeded. */
    void written(Offered taken) {
        if (taken != null) offered.compareAndSet(taken, null);
    }
}
