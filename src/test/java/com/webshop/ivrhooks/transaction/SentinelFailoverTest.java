package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.support.OpenApiContract;
import com.webshop.ivrhooks.support.RedisSentinelProcess;
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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentinel by configuration only: the service finds the master through Sentinel, and after the
 * master dies and Sentinel promotes the replica, it records payments on the new master by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ivr.username=sentinel-user", "ivr.password=sentinel-pass",
                "spring.data.redis.sentinel.master=" + RedisSentinelProcess.MASTER_NAME})
class SentinelFailoverTest {

    private static final RedisServerProcess MASTER = RedisServerProcess.start();
    private static final RedisServerProcess REPLICA =
            RedisServerProcess.start("--replicaof", "127.0.0.1", String.valueOf(MASTER.port()));
    private static final RedisSentinelProcess SENTINEL = RedisSentinelProcess.watch(MASTER.port());

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @DynamicPropertySource
    static void sentinel(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.sentinel.nodes", SENTINEL::nodes);
    }

    @AfterAll
    static void stop() {
        SENTINEL.close();
        REPLICA.close();
        MASTER.close();
    }

    private String complete(String order) {
        return given().port(port).filter(OpenApiContract.RESPONSES).contentType(ContentType.JSON)
                .body("""
                        {"username": "sentinel-user", "password": "sentinel-pass",
                         "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "REF-%s", "staffId": "S"}}
                        """.formatted(order, order))
                .post("/hooks/ivr/complete/").then().statusCode(200)
                .extract().path("orderResultResponse.result.errortext");
    }

    private void seed(String order) {
        redis.opsForValue().set(keys.session("sess-" + order), SessionDocuments.standard(order));
        redis.opsForValue().set(keys.order(order), "sess-" + order);
    }

    /** The replica must hold what its master had, or the failover would lose the seeded pre-order. */
    private static void awaitOnReplica(String key) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (REPLICA.cli("EXISTS", key).equals("0") || REPLICA.cli("EXISTS", key).isEmpty()) {
            assertThat(Instant.now()).as("replica has " + key).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void shouldRecordThroughSentinelBeforeAndAfterAFailover() throws InterruptedException {
        seed("ORD-SENT-1");
        assertThat(complete("ORD-SENT-1")).isEmpty();
        seed("ORD-SENT-2");
        SENTINEL.awaitReplica(REPLICA.port());
        awaitOnReplica(keys.order("ORD-SENT-2"));

        MASTER.kill();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String answer = null;
        while (Instant.now().isBefore(deadline) && !"".equals(answer)) {
            answer = complete("ORD-SENT-2");
            Thread.sleep(250);
        }
        assertThat(answer).as("complete after failover").isEmpty();
        assertThat(SENTINEL.masterPort()).isEqualTo(REPLICA.port());
        assertThat(redis.opsForHash().get(keys.transaction("ORD-SENT-1"), "referenceNumber")).isEqualTo("REF-ORD-SENT-1");
        assertThat(redis.opsForHash().get(keys.transaction("ORD-SENT-2"), "referenceNumber")).isEqualTo("REF-ORD-SENT-2");
    }
}
