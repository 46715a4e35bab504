package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.HostileBodies;
import com.webshop.ivrhooks.support.SessionDocuments;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of random and mutated bodies: every answer is HTTP 200 with an envelope the API document
 * allows, and no payment data is written. Completes carry a wrong password, so the only key they
 * may create is their client's failure counter (whose lockout is raised out of the way here).
 * Set {@code -Dfuzz.seed=N} to replay a run.
 */
@TestPropertySource(properties = "ivr.login-throttle.max-failures=1000000")
class HostileInputFuzzTest extends AbstractIntegrationTest {

    private static final int BODIES_PER_ENDPOINT = 1500;
    private static final String ORDER = "ORD-2024-001234";
    private static final long SEED = Long.getLong("fuzz.seed", 20261122L);

    private void fuzz(String path, String validBody) {
        seedPreOrder(ORDER, "sess-fuzz", SessionDocuments.standard(ORDER));
        Set<String> allowedKeys = new HashSet<>(redis.keys("*"));
        allowedKeys.add(keys.failedLogins("127.0.0.1"));
        HostileBodies bodies = new HostileBodies(SEED, 64 * 1024);

        for (int i = 0; i < BODIES_PER_ENDPOINT; i++) {
            byte[] body = bodies.next(validBody);
            Response response = hook().body(body).post(path);
            assertThat(response.statusCode())
                    .as("case %d of seed %d: %s", i, SEED, preview(body))
                    .isEqualTo(200);
            assertThat(response.contentType()).startsWith("application/json");
        }

        assertThat(allowedKeys).containsAll(redis.keys("*"));
        assertThat(redis.opsForStream().range(keys.transactionStream(), Range.unbounded())).isEmpty();
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…(" + body.length + " bytes)" : text;
    }

    @Test
    void shouldAnswerEveryHostilePreOrderWithAValidEnvelope() {
        fuzz(PRE_ORDER, preOrderBody(ORDER));
    }

    @Test
    void shouldAnswerEveryHostileCompleteWithAValidEnvelopeAndWriteNothing() {
        fuzz(COMPLETE, completeBody(ORDER, "REF-FUZZ").replace(PASSWORD, "wrong-" + PASSWORD.length()));
    }
}
