package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.RedisServerProcess;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With ivr.redis.wait-replicas, success is answered only once a replica has the transaction. */
@TestPropertySource(properties = {"ivr.redis.wait-replicas=1", "ivr.redis.wait-timeout=300ms"})
class ReplicaAcknowledgementTest extends AbstractIntegrationTest {

    private static final RedisServerProcess PRIMARY = RedisServerProcess.start();
    private static final RedisServerProcess REPLICA =
            RedisServerProcess.start("--replicaof", "127.0.0.1", String.valueOf(PRIMARY.port()));

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", PRIMARY::url);
    }

    @AfterAll
    static void stop() {
        REPLICA.close();
        PRIMARY.close();
    }

    private String timedComplete(String order) {
        redis.opsForValue().setIfAbsent(keys.session("sess-" + order), SessionDocuments.standard(order));
        redis.opsForValue().setIfAbsent(keys.order(order), "sess-" + order);
        Instant start = Instant.now();
        String errorText = complete(order, "REF-" + order).extract().path("orderResultResponse.result.errortext");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
        return errorText;
    }

    private void awaitReplicaOnline() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!PRIMARY.cli("INFO", "replication").contains("connected_slaves:1")
                || !REPLICA.cli("INFO", "replication").contains("master_link_status:up")) {
            assertThat(Instant.now()).as("replica in sync").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void shouldAnswerSuccessOnlyOnceTheReplicaHasTheTransaction() throws Exception {
        awaitReplicaOnline();

        assertThat(timedComplete("ORD-WAIT-1")).isEmpty();
        assertThat(REPLICA.cli("HGET", keys.transaction("ORD-WAIT-1"), "referenceNumber")).isEqualTo("REF-ORD-WAIT-1");

        REPLICA.kill();

        assertThat(timedComplete("ORD-WAIT-2")).isEqualTo("Service unavailable");
        assertThat(redis.opsForHash().get(keys.transaction("ORD-WAIT-2"), "referenceNumber"))
                .as("recorded on the primary all the same").isEqualTo("REF-ORD-WAIT-2");

        REPLICA.restart();
        awaitReplicaOnline();

        assertThat(timedComplete("ORD-WAIT-2")).as("the vendor's retry").isEmpty();
        assertThat(REPLICA.cli("HGET", keys.transaction("ORD-WAIT-2"), "referenceNumber")).isEqualTo("REF-ORD-WAIT-2");
    }
}
