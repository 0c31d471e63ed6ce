package dev.backprop.web;

import java.io.IOException;

/** A request body that went past the configured limit while being read. */
final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("the request body is over the limit of " + limit + " bytes");
    }
}
