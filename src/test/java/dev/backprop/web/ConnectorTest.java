package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

@ServiceTest
class ConnectorTest extends ApiTest {
    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void sendsCarryUpTo32KiBAndConnectionsAreBoundedSoTheirBuffersAre() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("32768");
        assertThat(connector.getProperty("maxConnections")).hasToString("4096");
    }
}
