package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.RedisServerProcess;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Redis down or hanging: every call still answers HTTP 200 with "Service unavailable" within 3 s.
 * Uses its own redis-server so the test can kill and freeze it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest extends AbstractIntegrationTest {

    private static final RedisServerProcess REDIS = RedisServerProcess.start();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", REDIS::url);
    }

    @AfterEach
    void bringRedisBack() throws Exception {
        REDIS.resume();
        if (!REDIS.isAlive()) {
            REDIS.restart();
        }
        awaitAnswer("Order not found", Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    private ValidatableResponse timedPost(String path, String body) {
        Instant start = Instant.now();
        ValidatableResponse response = post(path, body);
        assertThat(Duration.between(start, Instant.now())).isLessThan(ANSWER_WITHIN);
        return response;
    }

    private void expectServiceUnavailable() {
        timedPost(PRE_ORDER, preOrderBody("ORD-1"))
                .body("result.errortext", equalTo("Service unavailable"))
                .body("productlist.size()", equalTo(0));
        timedPost(COMPLETE, completeBody("ORD-1", "REF-1"))
                .body("orderResultResponse.result.errortext", equalTo("Service unavailable"));
    }

    private void expectProbe(String probe, int status, String state) {
        given().port(managementPort).get("/actuator/health/" + probe)
                .then().statusCode(status).body("status", equalTo(state));
    }

    @Test
    void shouldAnswerServiceUnavailableWhenRedisIsDownAndRecoverWhenItReturns(CapturedOutput output) throws Exception {
        timedPost(PRE_ORDER, preOrderBody("ORD-1")).body("result.errortext", equalTo("Order not found"));
        expectProbe("readiness", 200, "UP");

        REDIS.kill();

        expectServiceUnavailable();
        expectServiceUnavailable();
        expectProbe("readiness", 503, "DOWN");
        expectProbe("liveness", 200, "UP");
        assertThat(output.getOut())
                .contains("reconcile order ORD-1 reference REF-1 staff STAFF-7")
                .doesNotContain(PASSWORD)
                .doesNotContain("\tat ");

        REDIS.restart();

        awaitAnswer("Order not found", Duration.ofSeconds(10));
        expectProbe("readiness", 200, "UP");
    }

    @Test
    void shouldAnswerServiceUnavailableWhenRedisHangs() {
        timedPost(PRE_ORDER, preOrderBody("ORD-1")).body("result.errortext", equalTo("Order not found"));

        REDIS.suspend();

        expectServiceUnavailable();
    }

    @Test
    void shouldAnswerInputErrorsWithoutRedisButNeverSkipTheLockoutCheck() {
        REDIS.kill();

        timedPost(PRE_ORDER, "{").body("result.errortext", equalTo("Input invalid"));
        timedPost(COMPLETE, completeBody("ORD-1", "REF-1").replace(PASSWORD, "wrong"))
                .body("orderResultResponse.result.errortext", equalTo("Service unavailable"));
    }

    private void awaitAnswer(String errorText, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            last = timedPost(PRE_ORDER, preOrderBody("ORD-1")).extract().path("result.errortext");
            if (errorText.equals(last)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(last).as("answer after Redis came back").isEqualTo(errorText);
    }
}
