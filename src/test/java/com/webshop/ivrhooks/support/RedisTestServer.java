package com.webshop.ivrhooks.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The same server as {@code spring.data.redis.*} properties other than the URL. */
    public static Map<String, String> properties() {
        URI uri = URI.create(url());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.host", uri.getHost());
        properties.put("spring.data.redis.port", String.valueOf(uri.getPort() == -1 ? 6379 : uri.getPort()));
        if (uri.getUserInfo() != null) {
            String[] user = uri.getUserInfo().split(":", 2);
            if (user.length == 2) {
                properties.put("spring.data.redis.username", user[0]);
                properties.put("spring.data.redis.password", user[1]);
            } else {
                properties.put("spring.data.redis.password", user[0]);
            }
        }
        if (uri.getPath() != null && uri.getPath().length() > 1) {
            properties.put("spring.data.redis.database", uri.getPath().substring(1));
        }
        properties.put("spring.data.redis.ssl.enabled", String.valueOf("rediss".equals(uri.getScheme())));
        return properties;
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
