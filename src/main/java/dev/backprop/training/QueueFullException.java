package dev.backprop.training;

/** The job queue is full: the client should retry after a while. */
public final class QueueFullException extends RuntimeException {
    private final int retryAfterSeconds;

    QueueFullException(int queueLength, int retryAfterSeconds) {
        super("the job queue holds " + queueLength + " jobs, its limit; retry later", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
