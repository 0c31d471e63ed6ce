package dev.backprop.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without authentication ({@code backprop.auth.mode=none}) the service and its management port listen on the
 * loopback address only, unless {@code server.address} / {@code management.server.address} say otherwise.
 */
public class LoopbackWhenOpen implements EnvironmentPostProcessor {
    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String mode = environment.getProperty("backprop.auth.mode", "none");
        if (!mode.equalsIgnoreCase("none")) return;
        environment.getPropertySources().addLast(new MapPropertySource("backprop-loopback-when-open",
                Map.of("server.address", LOOPBACK, "management.server.address", LOOPBACK)));
    }
}
