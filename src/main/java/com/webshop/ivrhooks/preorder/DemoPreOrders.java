package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.config.RedisKeys;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * With the {@code demo} profile, writes two sample pre-orders the way the checkout would, so the
 * README's curl examples answer at once. Existing keys are left alone.
 */
@Component
@Profile("demo")
class DemoPreOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPreOrders.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;

    DemoPreOrders(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        JsonNode demo;
        try (InputStream in = new ClassPathResource("demo/pre-orders.json").getInputStream()) {
            demo = json.readTree(in);
        }
        for (JsonNode entry : demo) {
            String sessionId = entry.get("sessionId").stringValue();
            JsonNode session = entry.get("session");
            String orderNumber = session.get("orderNumber").stringValue();
            redis.opsForValue().setIfAbsent(keys.session(sessionId), json.writeValueAsString(session));
            redis.opsForValue().setIfAbsent(keys.order(orderNumber), sessionId);
            log.info("Demo pre-order {} available (session {})", orderNumber, sessionId);
        }
    }
}
