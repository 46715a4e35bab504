package com.webshop.ivrhooks.config;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static com.webshop.ivrhooks.config.ManagementPortFallback.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

class ManagementPortFallbackTest {

    private static final String APPLICATION_YML =
            "Config resource 'class path resource [application.yml]' via location 'optional:classpath:/'";

    private static StandardEnvironment environmentWith(String sourceName, int port) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource(sourceName, Map.of(PROPERTY, port)));
        return environment;
    }

    private static void postProcess(StandardEnvironment environment) {
        new ManagementPortFallback(Supplier::get).postProcessEnvironment(environment, null);
    }

    @Test
    void shouldMoveTheDefaultPortWhenItIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            StandardEnvironment environment = environmentWith(APPLICATION_YML, taken.getLocalPort());

            postProcess(environment);

            assertThat(environment.getProperty(PROPERTY)).isEqualTo("0");
        }
    }

    @Test
    void shouldKeepTheDefaultPortWhenItIsFree() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        StandardEnvironment environment = environmentWith(APPLICATION_YML, free);

        postProcess(environment);

        assertThat(environment.getProperty(PROPERTY)).isEqualTo(String.valueOf(free));
    }

    @Test
    void shouldLeaveAnExplicitlyChosenPortAloneEvenWhenTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            StandardEnvironment environment = environmentWith("systemEnvironment", taken.getLocalPort());

            postProcess(environment);

            assertThat(environment.getProperty(PROPERTY)).isEqualTo(String.valueOf(taken.getLocalPort()));
        }
    }
}
