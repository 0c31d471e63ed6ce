package dev.backprop.web;

import java.io.IOException;

/** A request body that was still arriving when its time to be read ran out, or whose client fell silent. */
final class BodyReadTimeoutException extends IOException {
    BodyReadTimeoutException(String detail, IOException cause) {
        super(detail, cause);
    }
}
