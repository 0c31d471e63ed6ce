package dev.backprop.web;

import dev.backprop.memory.MemoryBudget;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What Tomcat is told beyond Spring Boot's {@code server.tomcat} properties.
 *
 * <p>Its per-connection write buffer, {@code socket.appWriteBufSize} ({@code backprop.server.socket-write-buffer},
 * 32KB; Tomcat's default is 8 KiB): the most one send to the socket carries. An event stream's batch of events
 * goes out in sends of this size, so a larger buffer means fewer system calls for every subscriber.
 *
 * <p>How many connections it takes at once: each holds its read and write buffers on the heap (40 KiB), so
 * as many as fit in the connections' share of the heap ({@code backprop.memory.connections}, 10%), at most
 * {@code backprop.server.max-connections} (8,192): 3,900 with a 1.5 GiB heap, 650 with 256 MiB.
 *
 * <p>The {@link CutOffBodyValve}, so that a request refused with 408 ends its connection, and the
 * {@link AccessLogValve}.
 */
@Component
class TomcatSettings implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
    /** Tomcat's per-connection read buffer, {@code socket.appReadBufSize} (its default). */
    static final long READ_BUFFER = 8192;

    private final DataSize writeBuffer;
    private final int maxConnections;

    TomcatSettings(@Value("${backprop.server.socket-write-buffer:32KB}") DataSize writeBuffer,
                   @Value("${backprop.server.max-connections:8192}") int maxConnections, MemoryBudget budget) {
        this.writeBuffer = writeBuffer;
        this.maxConnections = maxConnections(maxConnections, budget.connectionsBytes(), READ_BUFFER + writeBuffer.toBytes());
    }

    /** As many connections as their buffers fit in the connections' share of the heap, at most {@code ceiling}. */
    static int maxConnections(int ceiling, long share, long perConnection) {
        return (int) Math.max(1, Math.min(ceiling, share / perConnection));
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes()));
            connector.setProperty("maxConnections", Integer.toString(maxConnections));
        });
        factory.addEngineValves(new CutOffBodyValve(), new AccessLogValve());
    }
}
