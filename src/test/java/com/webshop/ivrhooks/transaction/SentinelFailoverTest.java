package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.RedisSentinelProcess;
import com.webshop.ivrhooks.support.RedisServerProcess;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentinel by configuration only: the service finds the master through Sentinel, and after the
 * master dies and Sentinel promotes the replica, it records payments on the new master by itself.
 */
class SentinelFailoverTest extends AbstractIntegrationTest {

    private static final RedisServerProcess MASTER = RedisServerProcess.start();
    private static final RedisServerProcess REPLICA =
            RedisServerProcess.start("--replicaof", "127.0.0.1", String.valueOf(MASTER.port()));
    private static final RedisSentinelProcess SENTINEL = RedisSentinelProcess.watch(MASTER.port());

    /** Sentinel settings take precedence over the standalone URL the base class sets. */
    @DynamicPropertySource
    static void sentinel(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.sentinel.master", () -> RedisSentinelProcess.MASTER_NAME);
        registry.add("spring.data.redis.sentinel.nodes", SENTINEL::nodes);
    }

    @AfterAll
    static void stop() {
        SENTINEL.close();
        REPLICA.close();
        MASTER.close();
    }

    private String completeOrder(String order) {
        return complete(order, "REF-" + order).extract().path("orderResultResponse.result.errortext");
    }

    private void seed(String order) {
        seedPreOrder(order, "sess-" + order, SessionDocuments.standard(order));
    }

    /** The replica must hold what its master had, or the failover would lose the seeded pre-order. */
    private static void awaitOnReplica(String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!REPLICA.cli("EXISTS", key).equals("1")) {
            assertThat(Instant.now()).as("replica has " + key).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void shouldRecordThroughSentinelBeforeAndAfterAFailover() throws InterruptedException {
        seed("ORD-SENT-1");
        assertThat(completeOrder("ORD-SENT-1")).isEmpty();
        seed("ORD-SENT-2");
        SENTINEL.awaitReplica(REPLICA.port());
        awaitOnReplica(keys.order("ORD-SENT-2"));

        MASTER.kill();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String answer = null;
        while (Instant.now().isBefore(deadline) && !"".equals(answer)) {
            answer = completeOrder("ORD-SENT-2");
            Thread.sleep(250);
        }
        assertThat(answer).as("complete after failover").isEmpty();
        assertThat(SENTINEL.masterPort()).isEqualTo(REPLICA.port());
        assertThat(redis.opsForHash().get(keys.transaction("ORD-SENT-1"), "referenceNumber")).isEqualTo("REF-ORD-SENT-1");
        assertThat(redis.opsForHash().get(keys.transaction("ORD-SENT-2"), "referenceNumber")).isEqualTo("REF-ORD-SENT-2");
    }
}
