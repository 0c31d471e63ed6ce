package dev.backprop.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browsers on other origins, under {@code backprop.cors}.
 *
 * @param allowedOrigins origins (scheme, host and port, e.g. {@code https://app.example.com}) whose pages may call the
 *                       API; none by default
 * @param maxAge         how long a browser may keep a preflight's answer
 */
@ConfigurationProperties(prefix = "backprop.cors", ignoreUnknownFields = false)
public record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {}
