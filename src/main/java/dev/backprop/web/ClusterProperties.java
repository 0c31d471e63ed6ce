package dev.backprop.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several replicas, under {@code backprop.cluster}. Sessions live in the memory of the replica that made them; a
 * request for a session that reaches another replica is forwarded to it.
 *
 * @param advertisedUrl  this replica's address as the other replicas reach it (the chart sets
 *                       {@code http://<pod IP>:8080}); unset, the service runs alone and forwards nothing
 * @param forwardTimeout how long a forwarded request may take before it answers 503 ({@code replica-timeout})
 */
@ConfigurationProperties(prefix = "backprop.cluster", ignoreUnknownFields = false)
public record ClusterProperties(URI advertisedUrl, @DefaultValue("60s") Duration forwardTimeout) {}
