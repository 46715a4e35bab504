package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.config.RedisKeys;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * With the {@code demo} profile, writes two sample pre-orders the way the checkout would, so the
 * README's curl examples answer at once. Existing keys are left alone. The profile is checked at
 * runtime, not with {@code @Profile}: the container's AOT-processed context fixes its beans at build
 * time.
 */
@Component
class DemoPreOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPreOrders.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final Environment environment;

    DemoPreOrders(StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, Environment environment) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!environment.matchesProfiles("demo")) {
            return;
        }
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
