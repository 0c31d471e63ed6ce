package dev.backprop.store;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With jobs in memory ({@code backprop.store.type=memory}) there is no database, so Spring Boot must not make a
 * DataSource from {@code spring.datasource.*}; with {@code embedded} the service makes its own ({@link EmbeddedStore}).
 * Either way Boot's DataSource is left out; {@code external} keeps it. With a database, readiness also asks it
 * (Boot's {@code db} health check): a replica that cannot reach its jobs takes no traffic.
 */
public class StoreSelection implements EnvironmentPostProcessor {
    private static final String READINESS = "management.endpoint.health.group.readiness.include";
    static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String type = environment.getProperty("backprop.store.type", "embedded");
        Map<String, Object> settings = new HashMap<>();
        if (!type.equalsIgnoreCase("memory")) {
            String readiness = environment.getProperty(READINESS, "readinessState");
            settings.put(READINESS, readiness + ",db");
        }
        if (!type.equalsIgnoreCase("external")) {
            String excluded = environment.getProperty("spring.autoconfigure.exclude", "");
            settings.put("spring.autoconfigure.exclude", excluded.isBlank() ? DATA_SOURCE_AUTO_CONFIGURATION
                    : excluded + "," + DATA_SOURCE_AUTO_CONFIGURATION);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("backprop-store-selection", settings));
    }
}
