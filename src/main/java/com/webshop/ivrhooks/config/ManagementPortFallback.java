package com.webshop.ivrhooks.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The management port defaults to 8081 (application.yml). When nobody chose it and it is taken,
 * for instance by a second instance on one host, the actuator moves to a free port instead of
 * stopping the service from starting. A port set explicitly (as in Kubernetes) is left alone.
 */
class ManagementPortFallback implements EnvironmentPostProcessor {

    static final String PROPERTY = "management.server.port";

    private final Log log;

    ManagementPortFallback(DeferredLogFactory logs) {
        this.log = logs.getLog(ManagementPortFallback.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> source = definingSource(environment);
        if (source == null || !source.getName().contains("[application.yml]")) {
            return;
        }
        int port = Integer.parseInt(String.valueOf(source.getProperty(PROPERTY)));
        if (port > 0 && !isFree(port)) {
            log.warn("Management port " + port + " is in use; the actuator takes a free port instead. "
                    + "Set MANAGEMENT_SERVER_PORT to choose one.");
            environment.getPropertySources().addFirst(new MapPropertySource("managementPortFallback", Map.of(PROPERTY, 0)));
        }
    }

    private static PropertySource<?> definingSource(ConfigurableEnvironment environment) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!source.getName().equals("configurationProperties") && source.containsProperty(PROPERTY)) {
                return source;
            }
        }
        return null;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
