package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.support.OpenApiContract;
import com.webshop.ivrhooks.support.RedisServerProcess;
import com.webshop.ivrhooks.support.SessionDocuments;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * With Redis configured as docker-compose.yml configures it (AOF, fsync on every write), a
 * kill -9 of Redis right after success answers loses no acknowledged transaction.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ivr.username=durable-user", "ivr.password=durable-pass"})
class DurabilityTest {

    private static final RedisServerProcess REDIS =
            RedisServerProcess.start("--appendonly", "yes", "--appendfsync", "always");
    private static final int PAYMENTS = 25;

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void shouldKeepEveryAcknowledgedTransactionAcrossAKillDashNine() throws Exception {
        for (int i = 0; i < PAYMENTS; i++) {
            String order = "ORD-DUR-" + i;
            redis.opsForValue().set(keys.session("sess-dur-" + i), SessionDocuments.standard(order));
            redis.opsForValue().set(keys.order(order), "sess-dur-" + i);
        }

        for (int i = 0; i < PAYMENTS; i++) {
            given().port(port).filter(OpenApiContract.RESPONSES).contentType(ContentType.JSON)
                    .body("""
                            {"username": "durable-user", "password": "durable-pass",
                             "orderResultRequest": {"orderNumber": "ORD-DUR-%d", "referenceNumber": "REF-DUR-%d", "staffId": "S"}}
                            """.formatted(i, i))
                    .post("/hooks/ivr/complete/").then().statusCode(200)
                    .body("orderResultResponse.result.success", equalTo(true));
        }
        REDIS.kill();
        REDIS.restart();

        awaitRedis();
        for (int i = 0; i < PAYMENTS; i++) {
            assertThat(redis.opsForHash().get(keys.transaction("ORD-DUR-" + i), "referenceNumber"))
                    .isEqualTo("REF-DUR-" + i);
            assertThat(redis.opsForValue().get(keys.reference("REF-DUR-" + i))).isEqualTo("ORD-DUR-" + i);
        }
        assertThat(redis.opsForStream().range(keys.transactionStream(), Range.unbounded())).hasSize(PAYMENTS);
    }

    private void awaitRedis() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try {
                redis.hasKey("ping");
                return;
            } catch (DataAccessException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
