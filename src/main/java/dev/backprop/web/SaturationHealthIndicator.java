package dev.backprop.web;

import dev.backprop.memory.Pools;
import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Readiness's view of load ({@code saturation} in the readiness group): out of service while the API's
 * connections are above {@code backprop.readiness.max-connection-usage} (0.9) of Tomcat's
 * {@code max-connections}, while the event streams are at their cap, or while a memory pool is past its
 * readiness limit, so that a load balancer sends new clients elsewhere until the load passes. Liveness
 * does not look at it: a saturated service is busy, not broken.
 */
@Component
class SaturationHealthIndicator implements HealthIndicator {
    private final WebServerApplicationContext context;
    private final StreamBudget streams;
    private final Pools pools;
    private final double maxConnectionUsage;

    SaturationHealthIndicator(WebServerApplicationContext context, StreamBudget streams, Pools pools,
                              @Value("${backprop.readiness.max-connection-usage:0.9}") double maxConnectionUsage) {
        this.context = context;
        this.streams = streams;
        this.pools = pools;
        this.maxConnectionUsage = maxConnectionUsage;
    }

    @Override
    public Health health() {
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector()
                .getProtocolHandler();
        long connections = protocol.getConnectionCount();
        int maxConnections = protocol.getMaxConnections();
        boolean connectionsFull = connections > maxConnectionUsage * maxConnections;
        boolean streamsFull = streams.full();
        boolean memoryFull = pools.saturated();
        Health.Builder health = connectionsFull || streamsFull || memoryFull ? Health.outOfService() : Health.up();
        return health.withDetail("connections", connections).withDetail("maxConnections", maxConnections)
                .withDetail("eventStreams", streams.count()).withDetail("eventStreamsFull", streamsFull)
                .withDetail("memorySaturated", memoryFull).build();
    }
}
