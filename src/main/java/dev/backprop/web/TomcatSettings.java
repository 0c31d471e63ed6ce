package dev.backprop.web;

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
 * <p>The {@link CutOffBodyValve}, so that a request refused with 408 ends its connection.
 */
@Component
class TomcatSettings implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
    private final DataSize writeBuffer;

    TomcatSettings(@Value("${backprop.server.socket-write-buffer:32KB}") DataSize writeBuffer) {
        this.writeBuffer = writeBuffer;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes())));
        factory.addEngineValves(new CutOffBodyValve());
    }
}
