package dev.backprop.graph;

/** The graph is larger than the caller allowed to read or draw; the message says which limit it broke. */
public final class GraphTooLargeException extends RuntimeException {
    GraphTooLargeException(String message) {
        super(message);
    }
}
