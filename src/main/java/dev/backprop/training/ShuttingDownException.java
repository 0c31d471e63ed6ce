package dev.backprop.training;

/** The service is shutting down and takes no new jobs; another replica (or this one, restarted) will. */
public final class ShuttingDownException extends RuntimeException {
    ShuttingDownException() {
        super("the service is shutting down and takes no new jobs; retry shortly", null, false, false);
    }
}
