package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

class CompleteHookTest extends AbstractIntegrationTest {

    private static final String ORDER = "ORD-2024-001234";
    private static final String SESSION = "sess-1234";
    private static final String REFERENCE = "IVR-REF-0001";

    private void seedStandard() {
        seedPreOrder(ORDER, SESSION, SessionDocuments.standard(ORDER));
    }

    private void seed(ObjectNode document) {
        seedPreOrder(ORDER, SESSION, SessionDocuments.write(document));
    }

    private void expectSuccess(String body) {
        post(COMPLETE, body)
                .body("orderResultResponse.result.success", equalTo(true))
                .body("orderResultResponse.result.errortext", equalTo(""));
    }

    private void expectRejected(String body, String errorText) {
        post(COMPLETE, body)
                .body("orderResultResponse.result.success", equalTo(false))
                .body("orderResultResponse.result.errortext", equalTo(errorText));
    }

    private List<MapRecord<String, Object, Object>> stream(String key) {
        return redis.opsForStream().range(key, Range.unbounded());
    }

    private Map<Object, Object> transaction() {
        return redis.opsForHash().entries(keys.transaction(ORDER));
    }

    private void expectNoTransaction() {
        assertThat(redis.hasKey(keys.transaction(ORDER))).isFalse();
        assertThat(stream(keys.transactionStream())).isEmpty();
    }

    private void expectOneRejection(String reason) {
        List<MapRecord<String, Object, Object>> rejections = stream(keys.rejectionStream());
        assertThat(rejections).hasSize(1);
        assertThat(rejections.getFirst().getValue())
                .containsEntry("orderNumber", ORDER)
                .containsEntry("referenceNumber", REFERENCE)
                .containsEntry("staffId", "STAFF-7")
                .containsEntry("reason", reason)
                .containsKey("createdAt");
    }

    @Nested
    class WhenAccepted {

        @Test
        void shouldRecordTransactionReferenceAndStreamEntry() {
            seedStandard();
            Instant before = Instant.now();

            ExtractableResponse<Response> answer = complete(ORDER, REFERENCE).extract();

            assertThat(answer.asString()).isEqualTo("""
                    {"orderResultResponse":{"result":{"success":true,"errortext":""}}}""");
            assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(answer.asByteArray().length));
            Map<Object, Object> transaction = transaction();
            assertThat(transaction).containsOnlyKeys("referenceNumber", "orderNumber", "staffId", "amount",
                            "currency", "paymentOptionId", "sessionId", "createdAt")
                    .containsEntry("referenceNumber", REFERENCE)
                    .containsEntry("orderNumber", ORDER)
                    .containsEntry("staffId", "STAFF-7")
                    .containsEntry("amount", "389.97")
                    .containsEntry("currency", "TRY")
                    .containsEntry("paymentOptionId", "12")
                    .containsEntry("sessionId", SESSION);
            assertThat(Instant.parse((String) transaction.get("createdAt")))
                    .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
            assertThat((String) transaction.get("createdAt")).endsWith("Z");
            assertThat(redis.opsForValue().get(keys.reference(REFERENCE))).isEqualTo(ORDER);

            List<MapRecord<String, Object, Object>> entries = stream(keys.transactionStream());
            assertThat(entries).hasSize(1);
            assertThat(entries.getFirst().getValue()).isEqualTo(transaction);
            assertThat(stream(keys.rejectionStream())).isEmpty();
        }

        @Test
        void shouldRecordWhenRedisHasForgottenItsScripts() {
            seedStandard();
            forgetScripts();

            complete(ORDER, REFERENCE).body("orderResultResponse.result.success", equalTo(true));
            assertThat(transaction()).containsEntry("referenceNumber", REFERENCE);
            assertThat(stream(keys.transactionStream())).hasSize(1);
        }

        @Test
        void shouldNeverExpireTransactionKeys() {
            seedStandard();

            complete(ORDER, REFERENCE);

            assertThat(redis.getExpire(keys.transaction(ORDER))).isEqualTo(-1L);
            assertThat(redis.getExpire(keys.reference(REFERENCE))).isEqualTo(-1L);
            assertThat(redis.getExpire(keys.transactionStream())).isEqualTo(-1L);
        }

        @Test
        void shouldDefaultSuccessToTrueWhenAbsent() {
            seedStandard();

            expectSuccess("""
                    {"username": "%s", "password": "%s",
                     "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "%s", "staffId": "STAFF-7"}}
                    """.formatted(USERNAME, PASSWORD, ORDER, REFERENCE));
            assertThat(transaction()).containsEntry("referenceNumber", REFERENCE);
        }

        @Test
        void shouldAnswerWithoutTrailingSlash() {
            seedStandard();

            post("/hooks/ivr/complete", completeBody(ORDER, REFERENCE))
                    .body("orderResultResponse.result.success", equalTo(true));
        }

        @Test
        void shouldAnswerReplaysWithSuccessAndRecordOnce() {
            seedStandard();

            expectSuccess(completeBody(ORDER, REFERENCE));
            expectSuccess(completeBody(ORDER, REFERENCE));
            expectSuccess(completeBody(ORDER, REFERENCE));

            assertThat(stream(keys.transactionStream())).hasSize(1);
            assertThat(stream(keys.rejectionStream())).isEmpty();
        }

        @Test
        void shouldAnswerReplayAfterTheCheckoutDeletedTheSession() {
            seedStandard();
            expectSuccess(completeBody(ORDER, REFERENCE));

            redis.delete(List.of(keys.order(ORDER), keys.session(SESSION)));

            expectSuccess(completeBody(ORDER, REFERENCE));
            assertThat(stream(keys.transactionStream())).hasSize(1);
        }

        @Test
        void shouldAnswerReplayEvenWhenTheBasketChangedAfterPayment() {
            seedStandard();
            expectSuccess(completeBody(ORDER, REFERENCE));
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            document.remove("basket");
            seed(document);

            expectSuccess(completeBody(ORDER, REFERENCE));
        }

        @Test
        void shouldRecordTheAmountInPlainDecimal() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("preOrder")).put("totalAmount", new BigDecimal("389.970"));
            seed(document);

            complete(ORDER, REFERENCE);

            assertThat(transaction()).containsEntry("amount", "389.970");
        }
    }

    @Nested
    class WhenRejected {

        @Test
        void shouldRejectSuccessFalseAndRecordTheRejection() {
            seedStandard();

            expectRejected("""
                    {"username": "%s", "password": "%s",
                     "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "%s", "staffId": "STAFF-7", "success": false}}
                    """.formatted(USERNAME, PASSWORD, ORDER, REFERENCE), "Success must be true");

            expectNoTransaction();
            expectOneRejection("Success must be true");
        }

        @Test
        void shouldRejectADifferentReferenceForAPaidOrder() {
            seedStandard();
            expectSuccess(completeBody(ORDER, "IVR-REF-FIRST"));

            expectRejected(completeBody(ORDER, REFERENCE), "Order already paid");

            assertThat(transaction()).containsEntry("referenceNumber", "IVR-REF-FIRST");
            assertThat(stream(keys.transactionStream())).hasSize(1);
            assertThat(redis.hasKey(keys.reference(REFERENCE))).isFalse();
            expectOneRejection("Order already paid");
        }

        @Test
        void shouldRejectAReferenceThatPaidAnotherOrder() {
            seedPreOrder("ORD-OTHER", "sess-other", SessionDocuments.standard("ORD-OTHER"));
            expectSuccess(completeBody("ORD-OTHER", REFERENCE));
            seedStandard();

            expectRejected(completeBody(ORDER, REFERENCE), "Reference number already used");

            expectNoTransactionFor(ORDER);
            assertThat(redis.opsForValue().get(keys.reference(REFERENCE))).isEqualTo("ORD-OTHER");
            expectOneRejection("Reference number already used");
            preOrder(ORDER).body("result.success", equalTo(true));
        }

        private void expectNoTransactionFor(String orderNumber) {
            assertThat(redis.hasKey(keys.transaction(orderNumber))).isFalse();
            assertThat(stream(keys.transactionStream())).hasSize(1);
        }

        @Test
        void shouldRejectBlankOrderNumber() {
            expectRejected(completeBody(" ", REFERENCE), "Order number invalid");
        }

        @Test
        void shouldAnswerOrderNotFoundForAnUnknownOrder() {
            expectRejected(completeBody(ORDER, REFERENCE), "Order Not Found");

            expectNoTransaction();
            expectOneRejection("Order Not Found");
        }

        @Test
        void shouldAnswerOrderNotFoundWhenTheSessionIsMissing() {
            redis.opsForValue().set(keys.order(ORDER), SESSION);

            expectRejected(completeBody(ORDER, REFERENCE), "Order Not Found");
            expectNoTransaction();
        }

        @Test
        void shouldRejectMissingPaymentOption() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            document.putNull("paymentOption");
            seed(document);

            expectRejected(completeBody(ORDER, REFERENCE), "PaymentOption is null");
            expectNoTransaction();
            expectOneRejection("PaymentOption is null");
        }

        @Test
        void shouldRejectPaymentOptionOfAnotherType() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("paymentOption")).put("paymentType", "credit_card");
            seed(document);

            expectRejected(completeBody(ORDER, REFERENCE), "PaymentOption is not valid for IVR payment");
            expectNoTransaction();
        }

        @Test
        void shouldRejectWhenBasketChanged() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("basket").get("items").get(0)).put("quantity", 1);
            seed(document);

            expectRejected(completeBody(ORDER, REFERENCE), "Basket Changed");
            expectNoTransaction();
            expectOneRejection("Basket Changed");
        }

        @Test
        void shouldRejectWrongCredentialsWritingNothingButTheFailureCount() {
            seedStandard();

            expectRejected("""
                    {"username": "%s", "password": "not-it",
                     "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "%s", "staffId": "STAFF-7"}}
                    """.formatted(USERNAME, ORDER, REFERENCE), "User invalid");

            assertThat(redis.keys("*")).containsExactlyInAnyOrder(keys.order(ORDER), keys.session(SESSION),
                    keys.failedLogins("127.0.0.1"));
        }

        @Test
        void shouldRejectBlankReferenceOrStaffAsInvalidInputWithoutWritingAnything() {
            seedStandard();

            expectRejected(completeBody(ORDER, "  "), "Input invalid");
            expectRejected("""
                    {"username": "%s", "password": "%s",
                     "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "%s", "staffId": ""}}
                    """.formatted(USERNAME, PASSWORD, ORDER, REFERENCE), "Input invalid");

            assertThat(redis.keys("*")).containsExactlyInAnyOrder(keys.order(ORDER), keys.session(SESSION));
        }

        @Test
        void shouldLetThePreOrderBePaidAfterARejectedAttempt() {
            ObjectNode changed = SessionDocuments.standardTree(ORDER);
            changed.remove("basket");
            seed(changed);
            expectRejected(completeBody(ORDER, REFERENCE), "Basket Changed");

            seedStandard();

            expectSuccess(completeBody(ORDER, REFERENCE));
            assertThat(stream(keys.transactionStream())).hasSize(1);
        }
    }
}
