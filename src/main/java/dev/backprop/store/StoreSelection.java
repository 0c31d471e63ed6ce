package dev.backprop.store;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With jobs in memory ({@code backprop.store.type=memory}) there is no database, so Spring Boot must not make a
 * DataSource from {@code spring.datasource.*}; with {@code embedded} the service makes its own ({@link EmbeddedStore}).
 * Either way Boot's DataSource is left out; {@code external} keeps it.
 */
public class StoreSelection implements EnvironmentPostProcessor {
    static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String type = environment.getProperty("backprop.store.type", "memory");
        if (type.equalsIgnoreCase("external")) return;
        String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
        String all = excluded.isBlank() ? DATA_SOURCE_AUTO_CONFIGURATION : excluded + "," + DATA_SOURCE_AUTO_CONFIGURATION;
        environment.getPropertySources().addFirst(new MapPropertySource("backprop-store-selection",
                Map.of("spring.autoconfigure.exclude", all)));
    }
}
