package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.RedisServerProcess;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * With Redis configured as docker-compose.yml configures it (AOF, fsync on every write), a
 * kill -9 of Redis right after success answers loses no acknowledged transaction.
 */
class DurabilityTest extends AbstractIntegrationTest {

    private static final RedisServerProcess REDIS =
            RedisServerProcess.start("--appendonly", "yes", "--appendfsync", "always");
    private static final int PAYMENTS = 25;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void shouldKeepEveryAcknowledgedTransactionAcrossAKillDashNine() throws Exception {
        for (int i = 0; i < PAYMENTS; i++) {
            seedPreOrder("ORD-DUR-" + i, "sess-dur-" + i, SessionDocuments.standard("ORD-DUR-" + i));
        }

        for (int i = 0; i < PAYMENTS; i++) {
            complete("ORD-DUR-" + i, "REF-DUR-" + i).body("orderResultResponse.result.success", equalTo(true));
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
