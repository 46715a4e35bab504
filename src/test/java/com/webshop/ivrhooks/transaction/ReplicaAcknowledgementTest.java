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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With ivr.redis.wait-replicas, success is answered only once a replica has the transaction. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ivr.username=wait-user", "ivr.password=wait-pass",
                "ivr.redis.wait-replicas=1", "ivr.redis.wait-timeout=300ms"})
class ReplicaAcknowledgementTest {

    private static final RedisServerProcess PRIMARY = RedisServerProcess.start();
    private static final RedisServerProcess REPLICA =
            RedisServerProcess.start("--replicaof", "127.0.0.1", String.valueOf(PRIMARY.port()));

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @DynamicPropertySource
    static void redisProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", PRIMARY::url);
    }

    @AfterAll
    static void stop() {
        REPLICA.close();
        PRIMARY.close();
    }

    private String complete(String order) {
        redis.opsForValue().setIfAbsent(keys.session("sess-" + order), SessionDocuments.standard(order));
        redis.opsForValue().setIfAbsent(keys.order(order), "sess-" + order);
        Instant start = Instant.now();
        String errorText = given().port(port).filter(OpenApiContract.RESPONSES).contentType(ContentType.JSON)
                .body("""
                        {"username": "wait-user", "password": "wait-pass",
                         "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "REF-%s", "staffId": "S"}}
                        """.formatted(order, order))
                .post("/hooks/ivr/complete/").then().statusCode(200)
                .extract().path("orderResultResponse.result.errortext");
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

        assertThat(complete("ORD-WAIT-1")).isEmpty();
        assertThat(REPLICA.cli("HGET", keys.transaction("ORD-WAIT-1"), "referenceNumber")).isEqualTo("REF-ORD-WAIT-1");

        REPLICA.kill();

        assertThat(complete("ORD-WAIT-2")).isEqualTo("Service unavailable");
        assertThat(redis.opsForHash().get(keys.transaction("ORD-WAIT-2"), "referenceNumber"))
                .as("recorded on the primary all the same").isEqualTo("REF-ORD-WAIT-2");

        REPLICA.restart();
        awaitReplicaOnline();

        assertThat(complete("ORD-WAIT-2")).as("the vendor's retry").isEmpty();
        assertThat(REPLICA.cli("HGET", keys.transaction("ORD-WAIT-2"), "referenceNumber")).isEqualTo("REF-ORD-WAIT-2");
    }
}
