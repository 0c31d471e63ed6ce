package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

@ServiceTest
class ConnectorTest extends ApiTest {
    @Autowired
    ServletWebServerApplicationContext context;

    private Connector connector() {
        return ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    }

    @Test
    void sendsCarryUpTo32KiBAndConnectionsAreBoundedSoTheirBuffersAre() {
        assertThat(connector().getProperty("socket.appWriteBufSize")).hasToString("32768");
        assertThat(connector().getProperty("maxConnections")).hasToString("8192");
    }

    @Test
    void requestsRunOnVirtualThreadsSoASlowClientHoldsNoWorker() {
        assertThat(connector().getProtocolHandler().getExecutor()).isInstanceOf(VirtualThreadExecutor.class);
    }

    @Test
    void silenceClosesAConnectionAfter20sAndAnIdleKeepAliveAfter15s() {
        assertThat(connector().getProperty("connectionTimeout")).hasToString("20000");
        assertThat(connector().getProperty("keepAliveTimeout")).hasToString("15000");
    }
}
