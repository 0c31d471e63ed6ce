package dev.backprop.engine;

import java.util.Locale;

/** What kind of op a definition declares, as the executor and {@code GET /ops} read it. */
public enum OpTag {
    /** Makes a new tensor from sizes or data; {@code requires_grad} at creation applies to it. */
    FACTORY,
    /** Draws from the session's generator. */
    RANDOM,
    /** Changes its first input's elements and bumps its version. */
    IN_PLACE,
    /** Answers a tensor sharing its input's storage and version counter. */
    VIEW,
    /** Changes its first input's autograd flags ({@code retain_grad}, {@code requires_grad_}). */
    AUTOGRAD_FLAGS,
    /** No gradient flows through it. */
    NON_DIFFERENTIABLE;

    /** The tag as the API spells it: {@code in_place}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
