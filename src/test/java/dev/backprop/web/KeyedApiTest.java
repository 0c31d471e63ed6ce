package dev.backprop.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A test over the real port of a service in {@code api-keys} mode with the tenants of {@link Keys}. */
abstract class KeyedApiTest extends ApiTest {
    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        Keys.configure(registry);
    }
}
