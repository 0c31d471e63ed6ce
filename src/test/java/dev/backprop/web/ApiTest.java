package dev.backprop.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test that talks to the service over its real port through {@link Api}. */
abstract class ApiTest {
    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }
}
