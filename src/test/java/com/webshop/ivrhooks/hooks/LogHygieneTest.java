package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Passwords, request bodies and stack traces never reach the log. */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends AbstractIntegrationTest {

    private static final String WRONG_PASSWORD = "Canary-Wrong-Password-91c2";

    @Test
    void shouldNeverLogPasswordsBodiesOrStackTraces(CapturedOutput output) {
        seedPreOrder("ORD-1", "sess-1", SessionDocuments.standard("ORD-1"));
        seedPreOrder("ORD-2", "sess-2", "{corrupt");

        preOrder("ORD-1").body("result.success", equalTo(true));
        post(PRE_ORDER, """
                {"username": "%s", "password": "%s", "orderNumber": "ORD-1"}
                """.formatted(USERNAME, WRONG_PASSWORD)).body("result.errortext", equalTo("User invalid"));
        post(PRE_ORDER, "{\"password\": \"" + WRONG_PASSWORD + "\"").body("result.errortext", equalTo("Input invalid"));
        complete("ORD-1", "REF-1").body("orderResultResponse.result.success", equalTo(true));
        complete("ORD-1", "REF-2").body("orderResultResponse.result.errortext", equalTo("Order already paid"));
        complete("ORD-2", "REF-3").body("orderResultResponse.result.errortext", equalTo("Order Not Found"));
        // a call's line is written once its answer has gone out
        await().atMost(Duration.ofSeconds(5))
                .until(() -> output.getAll().contains("referenceNumber=REF-3 outcome='Order Not Found'"));

        assertThat(output.getAll())
                .contains("hook call endpoint=complete orderNumber=ORD-1 referenceNumber=REF-1 outcome='success'")
                .contains("Payment rejected: order ORD-1 reference REF-2")
                .contains("Corrupt session document for order ORD-2")
                .doesNotContain(PASSWORD)
                .doesNotContain(WRONG_PASSWORD)
                .doesNotContain("{corrupt")
                .doesNotContain("\tat ");
    }
}
