package dev.backprop.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where jobs are kept, under {@code backprop.store}.
 *
 * @param type {@code memory} (jobs live and die with the process), {@code embedded} (a PostgreSQL the service runs
 *             itself, its files under {@code path}) or {@code external} (the server of {@code spring.datasource.url})
 * @param path the embedded database's folder
 */
@ConfigurationProperties(prefix = "backprop.store", ignoreUnknownFields = false)
public record StoreProperties(@DefaultValue("memory") Type type, @DefaultValue("./data") Path path) {
    public enum Type { MEMORY, EMBEDDED, EXTERNAL }
}
