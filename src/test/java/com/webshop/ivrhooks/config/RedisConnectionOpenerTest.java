package com.webshop.ivrhooks.config;

import com.webshop.ivrhooks.IvrHooksApplication;
import com.webshop.ivrhooks.support.RedisTestServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared Redis connection is open once the service has started, before any call needs it. */
class RedisConnectionOpenerTest {

    @Test
    void shouldOpenTheSharedConnectionBeforeAnyCall() {
        String clientName = "opener-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>(RedisTestServer.properties());
        properties.put("spring.data.redis.client-name", clientName);
        properties.put("ivr.username", "vendor");
        properties.put("ivr.password", "secret");
        RedisClient client = RedisClient.create(RedisTestServer.url());
        try (StatefulRedisConnection<String, String> observer = client.connect();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(IvrHooksApplication.class)
                        .web(WebApplicationType.NONE)
                        .properties(properties)
                        .run()) {
            assertThat(context.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(observer.sync().clientList()).contains("name=" + clientName));
        } finally {
            client.shutdown();
        }
    }
}
