package dev.backprop.web;

import dev.backprop.session.ApiException;
import java.io.IOException;

/** A body whose reading was stopped by a refusal (the request's memory); the refusal is the answer. */
final class BodyRefusedException extends IOException {
    private final ApiException refusal;

    BodyRefusedException(ApiException refusal) {
        super(refusal.getMessage());
        this.refusal = refusal;
    }

    ApiException refusal() {
        return refusal;
    }
}
