package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tomcat takes as many connections as their buffers fit in the connections' share of the heap. */
class TomcatSettingsTest {
    private static final long PER_CONNECTION = TomcatSettings.READ_BUFFER + 32 * 1024;

    @Test
    void aSmallHeapTakesFewerConnections() {
        long tenPercentOf256MiB = 256L * 1024 * 1024 / 10;
        assertThat(TomcatSettings.maxConnections(8192, tenPercentOf256MiB, PER_CONNECTION)).isEqualTo(655);
        long tenPercentOf1536MiB = 1536L * 1024 * 1024 / 10;
        assertThat(TomcatSettings.maxConnections(8192, tenPercentOf1536MiB, PER_CONNECTION)).isEqualTo(3932);
    }

    @Test
    void aLargeHeapStopsAtTheCeiling() {
        assertThat(TomcatSettings.maxConnections(8192, 8L << 30, PER_CONNECTION)).isEqualTo(8192);
    }
}
