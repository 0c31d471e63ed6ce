package dev.backprop.session;

/** The failure of one op of a batch: the batch was undone, and this names which op failed. */
public final class BatchFailure extends RuntimeException {
    private final int index;

    BatchFailure(int index, RuntimeException cause) {
        super(cause.getMessage(), cause, false, false);
        this.index = index;
    }

    public int index() {
        return index;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
