package dev.backprop.training;

/** The job store cannot be reached now; the call may be retried once it is back. */
public final class JobStoreUnavailableException extends RuntimeException {
    public JobStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
