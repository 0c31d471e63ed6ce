package dev.backprop.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's per-connection write buffer, {@code socket.appWriteBufSize}: the most one send to the socket
 * carries. An event stream's batch of events goes out in sends of this size, so a larger buffer means fewer
 * system calls for every subscriber (8 KiB is Tomcat's default).
 */
@Component
class SocketWriteBuffer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
    private final DataSize size;

    SocketWriteBuffer(@Value("${backprop.server.socket-write-buffer:32KB}") DataSize size) {
        this.size = size;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes())));
    }
}
