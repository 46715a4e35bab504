package com.webshop.ivrhooks.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one real Redis shared by the integration tests, started on first use: the server named by
 * {@code REDIS_URL} (which the tests flush), else a Testcontainers Redis when Docker is there, else a
 * {@code redis-server} from PATH.
 */
public final class RedisTestServer {

    private static final DockerImageName IMAGE = DockerImageName.parse("redis:7.4-alpine");

    private static String url;

    private RedisTestServer() {}

    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    private static String start() {
        String given = System.getenv("REDIS_URL");
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(IMAGE).withExposedPorts(6379);
            container.start();
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
        RedisServerProcess server = RedisServerProcess.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server.url();
    }
}
