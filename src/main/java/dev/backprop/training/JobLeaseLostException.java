package dev.backprop.training;

/** Another process has taken the job over (this one let its lease expire): this one must stop running it. */
public final class JobLeaseLostException extends RuntimeException {
    public JobLeaseLostException(String id) {
        super("job " + id + " is now run by another process", null, false, false);
    }
}
