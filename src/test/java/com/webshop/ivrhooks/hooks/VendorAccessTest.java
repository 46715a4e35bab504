package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Who may call the hooks: credentials, rotation, failed-login lockout and the network allowlist. */
class VendorAccessTest {

    private static final String ORDER = "ORD-ACCESS-1";

    abstract static class AccessTest extends AbstractIntegrationTest {

        @BeforeEach
        void seed() {
            seedPreOrder(ORDER, "sess-access", SessionDocuments.standard(ORDER));
        }

        ValidatableResponse preOrderFrom(String forwardedFor, String username, String password) {
            return hook().header("X-Forwarded-For", forwardedFor)
                    .body("""
                            {"username": "%s", "password": "%s", "orderNumber": "%s"}
                            """.formatted(username, password, ORDER))
                    .post(PRE_ORDER).then().statusCode(200);
        }

        void failLogins(String forwardedFor, int times) {
            for (int i = 0; i < times; i++) {
                preOrderFrom(forwardedFor, USERNAME, "guess-" + i).body("result.errortext", equalTo("User invalid"));
            }
        }
    }

    @Nested
    @TestPropertySource(properties = "server.forward-headers-strategy=native")
    class LockoutBehindATrustedProxy extends AccessTest {

        @Test
        void shouldLockOutAnAddressAfterTenFailuresEvenWithCorrectCredentials() {
            failLogins("203.0.113.7", 10);

            preOrderFrom("203.0.113.7", USERNAME, PASSWORD)
                    .body("result.errortext", equalTo("Too many failed attempts"));
            hook().header("X-Forwarded-For", "203.0.113.7").body(completeBody(ORDER, "REF-1")).post(COMPLETE)
                    .then().statusCode(200)
                    .body("orderResultResponse.result.errortext", equalTo("Too many failed attempts"));
            assertThat(redis.hasKey(keys.transaction(ORDER))).isFalse();
        }

        @Test
        void shouldNotLockOutBeforeTheTenthFailure() {
            failLogins("203.0.113.7", 9);

            preOrderFrom("203.0.113.7", USERNAME, PASSWORD).body("result.success", equalTo(true));
        }

        @Test
        void shouldLeaveOtherAddressesAlone() {
            failLogins("203.0.113.7", 10);

            preOrderFrom("203.0.113.7", USERNAME, PASSWORD).body("result.errortext", equalTo("Too many failed attempts"));
            preOrderFrom("203.0.113.8", USERNAME, PASSWORD).body("result.success", equalTo(true));
        }

        @Test
        void shouldKeepTheCountInRedisWithAnExpiry() {
            failLogins("203.0.113.9", 3);

            assertThat(redis.opsForValue().get(keys.failedLogins("203.0.113.9"))).isEqualTo("3");
            assertThat(redis.getExpire(keys.failedLogins("203.0.113.9"))).isBetween(290L, 300L);
        }
    }

    @Nested
    class LockoutWithoutATrustedProxy extends AccessTest {

        @Test
        void shouldCountTheTcpPeerAndIgnoreForwardedHeaders() {
            for (int i = 0; i < 10; i++) {
                preOrderFrom("198.51.100." + i, USERNAME, "guess").body("result.errortext", equalTo("User invalid"));
            }

            preOrderFrom("198.51.100.200", USERNAME, PASSWORD)
                    .body("result.errortext", equalTo("Too many failed attempts"));
            assertThat(redis.opsForValue().get(keys.failedLogins("127.0.0.1"))).isEqualTo("10");
        }
    }

    /** The order is read in the same round trip as the lockout count, but only an admitted caller sees it. */
    @Nested
    class RefusedCallers extends AccessTest {

        @Test
        void shouldNotTellWrongCredentialsThatTheOrderIsPaid() {
            complete(ORDER, "REF-PAID").body("orderResultResponse.result.success", equalTo(true));

            preOrderFrom("ignored", USERNAME, "guess").body("result.errortext", equalTo("User invalid"));
            completeFrom("not-it", ORDER, true)
                    .body("orderResultResponse.result.errortext", equalTo("User invalid"));
        }

        @Test
        void shouldNeitherAnswerNorRecordALockedOutCallersReport() {
            complete(ORDER, "REF-PAID").body("orderResultResponse.result.success", equalTo(true));
            failLogins("ignored", 10);

            preOrderFrom("ignored", USERNAME, PASSWORD).body("result.errortext", equalTo("Too many failed attempts"));
            completeFrom(PASSWORD, ORDER, false)
                    .body("orderResultResponse.result.errortext", equalTo("Too many failed attempts"));
            completeFrom(PASSWORD, "ORD-UNKNOWN", true)
                    .body("orderResultResponse.result.errortext", equalTo("Too many failed attempts"));
            assertThat(redis.hasKey(keys.rejectionStream())).isFalse();
        }

        private ValidatableResponse completeFrom(String password, String orderNumber, boolean success) {
            return post(COMPLETE, """
                    {"username": "%s", "password": "%s",
                     "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "REF-2", "staffId": "S", "success": %s}}
                    """.formatted(USERNAME, password, orderNumber, success));
        }
    }

    @Nested
    @TestPropertySource(properties = {"ivr.login-throttle.max-failures=3", "ivr.login-throttle.window=2s"})
    class LockoutWindow extends AccessTest {

        @Test
        void shouldLetTheAddressInAgainWhenTheWindowHasPassed() throws InterruptedException {
            failLogins("ignored", 3);
            preOrderFrom("ignored", USERNAME, PASSWORD).body("result.errortext", equalTo("Too many failed attempts"));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
            String answer = null;
            while (Instant.now().isBefore(deadline) && !"".equals(answer)) {
                Thread.sleep(250);
                answer = preOrderFrom("ignored", USERNAME, PASSWORD).extract().path("result.errortext");
            }
            assertThat(answer).as("answer once the window has passed").isEmpty();
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @TestPropertySource(properties = {"server.forward-headers-strategy=native",
            "ivr.allowed-networks=203.0.113.0/24, 2001:db8::/32"})
    class AllowedNetworks extends AccessTest {

        @Test
        void shouldAcceptCallsFromAllowedNetworks() {
            preOrderFrom("203.0.113.44", USERNAME, PASSWORD).body("result.success", equalTo(true));
            preOrderFrom("2001:db8::17", USERNAME, PASSWORD).body("result.success", equalTo(true));
        }

        @Test
        void shouldRefuseAndLogCallsFromElsewhereWhateverTheCredentials(CapturedOutput output) {
            preOrderFrom("198.51.100.4", USERNAME, PASSWORD).body("result.errortext", equalTo("User invalid"));

            assertThat(output.getOut()).contains("WARN").contains("Call from 198.51.100.4 refused");
        }

        @Test
        void shouldReadNothingFromRedisForCallsFromElsewhere() {
            long reads = redisReads();
            preOrderFrom("198.51.100.4", USERNAME, PASSWORD).body("result.errortext", equalTo("User invalid"));
            hook().header("X-Forwarded-For", "198.51.100.4").body(completeBody(ORDER, "REF-1")).post(COMPLETE)
                    .then().statusCode(200).body("orderResultResponse.result.errortext", equalTo("User invalid"));
            assertThat(redisReads()).isEqualTo(reads);

            preOrderFrom("203.0.113.44", USERNAME, PASSWORD).body("result.success", equalTo(true));
            assertThat(redisReads()).as("reads of an allowed call").isGreaterThan(reads);
        }

        /** GETs and scripts run, from Redis's own command statistics (on every node of a cluster). */
        private long redisReads() {
            Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
            return stats.stringPropertyNames().stream()
                    .filter(name -> name.matches("(.*\\.)?cmdstat_(get|evalsha|eval)"))
                    .mapToLong(name -> Long.parseLong(stats.getProperty(name).replaceAll("^calls=(\\d+),.*", "$1")))
                    .sum();
        }
    }

    @Nested
    @TestPropertySource(properties = {"ivr.next.username=ivr_next_user", "ivr.next.password=Next-Pa55word"})
    class CredentialRotation extends AccessTest {

        @Test
        void shouldAcceptTheCurrentAndTheNextPair() {
            preOrderFrom("x", USERNAME, PASSWORD).body("result.success", equalTo(true));
            preOrderFrom("x", "ivr_next_user", "Next-Pa55word").body("result.success", equalTo(true));
        }

        @Test
        void shouldNotMixThePairs() {
            preOrderFrom("x", USERNAME, "Next-Pa55word").body("result.errortext", equalTo("User invalid"));
            preOrderFrom("x", "ivr_next_user", PASSWORD).body("result.errortext", equalTo("User invalid"));
        }
    }
}
