package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/** One log line per hook call, request ids echoed, and Prometheus metrics on the management port. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends AbstractIntegrationTest {

    private static final String ORDER = "ORD-OBS-1";

    @LocalManagementPort
    int managementPort;

    @Nested
    class RequestIds {

        @Test
        void shouldEchoTheCallersRequestId() {
            hook().header("X-Request-Id", "ivr-call-42").body(preOrderBody(ORDER)).post(PRE_ORDER)
                    .then().statusCode(200).header("X-Request-Id", "ivr-call-42");
        }

        @Test
        void shouldGenerateOneWhenAbsentOrUnsafe() {
            String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
            hook().body(preOrderBody(ORDER)).post(PRE_ORDER)
                    .then().header("X-Request-Id", matchesPattern(uuid));
            hook().header("X-Request-Id", "bad id\twith spaces").body(preOrderBody(ORDER)).post(COMPLETE)
                    .then().header("X-Request-Id", matchesPattern(uuid));
        }
    }

    @Nested
    class LogLines {

        @Test
        void shouldLogOneLinePerCallWithItsOutcomeButNoSecrets(CapturedOutput output) {
            seedPreOrder(ORDER, "sess-obs", SessionDocuments.standard(ORDER));

            hook().header("X-Request-Id", "req-pre-1").body(preOrderBody(ORDER)).post(PRE_ORDER);
            hook().header("X-Request-Id", "req-complete-1").body(completeBody(ORDER, "REF-OBS-1")).post(COMPLETE);
            hook().header("X-Request-Id", "req-bad-1").body("{").post(COMPLETE);

            // the line is written once the answer has gone out, so it may come just after the client has it
            await().atMost(Duration.ofSeconds(5)).until(() -> Stream.of("req-pre-1", "req-complete-1", "req-bad-1")
                    .allMatch(id -> linesWith(output, id) > 0));
            assertThat(linesWith(output, "req-pre-1")).isEqualTo(1);
            assertThat(output.getOut())
                    .containsPattern("hook call endpoint=pre_order orderNumber=ORD-OBS-1 referenceNumber=null "
                            + "outcome='success' durationMs=\\d+ requestId=req-pre-1")
                    .containsPattern("hook call endpoint=complete orderNumber=ORD-OBS-1 referenceNumber=REF-OBS-1 "
                            + "outcome='success' durationMs=\\d+ requestId=req-complete-1")
                    .containsPattern("hook call endpoint=complete orderNumber=null referenceNumber=null "
                            + "outcome='Input invalid' durationMs=\\d+ requestId=req-bad-1")
                    .doesNotContain(PASSWORD);
        }

        private long linesWith(CapturedOutput output, String text) {
            return output.getOut().lines().filter(line -> line.contains(text)).count();
        }
    }

    @Nested
    class Info {

        @Test
        void shouldDescribeTheBuildAndItsCommit() {
            given().port(managementPort).get("/actuator/info").then().statusCode(200)
                    .body("build.artifact", equalTo("ivr-hooks"))
                    .body("build.version", notNullValue())
                    .body("git.commit.id", notNullValue());
        }
    }

    @Nested
    class Metrics {

        @Test
        void shouldCountCallsByEndpointAndOutcomeAndTheRecordedPayments() {
            seedPreOrder(ORDER, "sess-obs", SessionDocuments.standard(ORDER));
            preOrder(ORDER).body("result.success", equalTo(true));
            complete(ORDER, "REF-OBS-2").body("orderResultResponse.result.success", equalTo(true));
            complete(ORDER, "REF-OBS-3").body("orderResultResponse.result.errortext", equalTo("Order already paid"));

            // a call's sample is recorded by the call log's writer, a few milliseconds after its answer
            await().atMost(Duration.ofSeconds(5)).until(() -> scrape().contains("outcome=\"Order already paid\""));
            String metrics = scrape();

            assertThat(metrics)
                    .containsPattern(Pattern.compile(
                            "ivr_hook_requests_seconds_count\\{endpoint=\"pre_order\",outcome=\"success\"[^}]*} [1-9]"))
                    .containsPattern(Pattern.compile(
                            "ivr_hook_requests_seconds_count\\{endpoint=\"complete\",outcome=\"Order already paid\"[^}]*} [1-9]"))
                    .contains("ivr_hook_requests_seconds_bucket{endpoint=\"complete\"")
                    .containsPattern("ivr_transactions_recorded_total(\\{[^}]*})? [1-9]")
                    .containsPattern("ivr_rejections_recorded_total\\{reason=\"Order already paid\"[^}]*} [1-9]")
                    .doesNotContain(PASSWORD);
        }

        private String scrape() {
            return given().port(managementPort).get("/actuator/prometheus").then().statusCode(200).extract().asString();
        }
    }
}
