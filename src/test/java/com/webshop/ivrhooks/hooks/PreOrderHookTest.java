package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@ExtendWith(OutputCaptureExtension.class)
class PreOrderHookTest extends AbstractIntegrationTest {

    private static final String ORDER = "ORD-2024-001234";
    private static final String SESSION = "sess-1234";

    private void seedStandard() {
        seedPreOrder(ORDER, SESSION, SessionDocuments.standard(ORDER));
    }

    private void seed(ObjectNode document) {
        seedPreOrder(ORDER, SESSION, SessionDocuments.write(document));
    }

    private void expectFailure(String errorText) {
        preOrder(ORDER)
                .body("result.success", equalTo(false))
                .body("result.errortext", equalTo(errorText))
                .body("productlist", empty())
                .body("orderprice", equalTo(0.0f));
    }

    @Nested
    class WhenThePreOrderIsValid {

        @Test
        void shouldAnswerProductListAndTotalExactlyAsDocumented() {
            seedStandard();

            ExtractableResponse<Response> answer = preOrder(ORDER).extract();

            assertThat(answer.asString()).isEqualTo("""
                    {"result":{"success":true,"errortext":""},"productlist":[\
                    {"productnumber":"SKU-1001","discountedprice":239.98,"realprice":259.98,"quantity":2,"productname":"Wireless Mouse"},\
                    {"productnumber":"SKU-2002","discountedprice":149.99,"realprice":149.99,"quantity":1,"productname":"USB-C Hub"}],\
                    "orderprice":389.97}""");
            // sent whole with its length, not in chunks
            assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(answer.asByteArray().length));
        }

        @Test
        void shouldLoadTheLookupScriptAgainWhenRedisHasForgottenIt() {
            seedStandard();
            preOrder(ORDER).body("result.success", equalTo(true));

            forgetScripts();

            preOrder(ORDER).body("result.success", equalTo(true))
                    .body("productlist.productnumber", contains("SKU-1001", "SKU-2002"));
        }

        @Test
        void shouldAnswerWithoutTrailingSlash() {
            seedStandard();

            post("/hooks/ivr/pre_order", preOrderBody(ORDER))
                    .body("result.success", equalTo(true))
                    .body("productlist.productnumber", contains("SKU-1001", "SKU-2002"));
        }

        @Test
        void shouldKeepTheStoredDecimalsInPlainNotation() {
            String line = """
                    {"sku": "SKU-9", "name": "Cable", "quantity": 3, "totalPrice": 1E+2, "discountedTotalPrice": 89.990}""";
            seedPreOrder(ORDER, SESSION, """
                    {
                      "orderNumber": "%s",
                      "paymentOption": {"id": "po-7", "paymentType": "cash_register"},
                      "basket": {"items": [%s], "totalAmount": 89.99},
                      "preOrder": {"basket": {"items": [%s], "totalAmount": 89.990}, "totalAmount": 89.990}
                    }
                    """.formatted(ORDER, line, line));

            String body = preOrder(ORDER).extract().asString();

            assertThat(body).contains("\"discountedprice\":89.990", "\"realprice\":100,", "\"orderprice\":89.990}");
        }

        @Test
        void shouldIgnoreUnknownFieldsInRequestAndSession() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            document.put("loyaltyTier", "gold");
            ((ObjectNode) document.get("preOrder")).put("createdBy", "checkout-v2");
            seed(document);

            post(PRE_ORDER, """
                    {"username": "%s", "password": "%s", "orderNumber": "%s", "channel": "ivr", "extra": {"a": [1, 2]}}
                    """.formatted(USERNAME, PASSWORD, ORDER))
                    .body("result.success", equalTo(true))
                    .body("orderprice", equalTo(389.97f));
        }

        @Test
        void shouldTreatReorderedAndRescaledLinesAsTheSameBasket() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ArrayNode live = (ArrayNode) document.get("basket").get("items");
            ObjectNode first = (ObjectNode) live.remove(0);
            live.add(first);
            ((ObjectNode) live.get(0)).put("totalPrice", new BigDecimal("149.990"));
            ((ObjectNode) document.get("basket")).put("totalAmount", new BigDecimal("389.970"));
            seed(document);

            preOrder(ORDER).body("result.success", equalTo(true));
        }
    }

    @Nested
    class WhenRejected {

        @Test
        void shouldRejectWrongPassword() {
            seedStandard();

            post(PRE_ORDER, """
                    {"username": "%s", "password": "wrong", "orderNumber": "%s"}
                    """.formatted(USERNAME, ORDER))
                    .body("result.errortext", equalTo("User invalid"))
                    .body("productlist", empty());
        }

        @Test
        void shouldRejectWrongUsernameBeforeLookingAtTheOrder() {
            post(PRE_ORDER, """
                    {"username": "someone", "password": "%s", "orderNumber": "UNKNOWN"}
                    """.formatted(PASSWORD))
                    .body("result.errortext", equalTo("User invalid"));
        }

        @Test
        void shouldAnswerZeroPriceInPlainDecimalOnFailure() {
            String body = preOrder("UNKNOWN").extract().asString();

            assertThat(body).isEqualTo("""
                    {"result":{"success":false,"errortext":"Order not found"},"productlist":[],"orderprice":0.0}""");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "   "})
        void shouldRejectBlankOrderNumber(String orderNumber) {
            post(PRE_ORDER, """
                    {"username": "%s", "password": "%s", "orderNumber": "%s"}
                    """.formatted(USERNAME, PASSWORD, orderNumber))
                    .body("result.errortext", equalTo("Order number invalid"));
        }

        @Test
        void shouldRejectUnknownOrder() {
            expectFailure("Order not found");
        }

        @Test
        void shouldRejectWhenSessionIsMissing() {
            redis.opsForValue().set(keys.order(ORDER), SESSION);

            expectFailure("Order Not Found");
        }

        @Test
        void shouldRejectWhenSessionHasNoPreOrder() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            document.remove("preOrder");
            seed(document);

            expectFailure("Order Not Found");
        }

        @Test
        void shouldRejectAndLogCorruptSession(CapturedOutput output) {
            seedPreOrder(ORDER, SESSION, "{\"orderNumber\": \"" + ORDER + "\", \"preOrder\": {");

            expectFailure("Order Not Found");
            assertThat(output.getOut()).contains("ERROR").contains("Corrupt session document for order " + ORDER);
        }

        @Test
        void shouldRejectAndLogPreOrderWithWrongTypes(CapturedOutput output) {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("preOrder")).put("totalAmount", "lots");
            seed(document);

            expectFailure("Order Not Found");
            assertThat(output.getOut()).contains("Corrupt session document for order " + ORDER);
        }

        @Test
        void shouldRejectAndLogIncompletePreOrder(CapturedOutput output) {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("preOrder").get("basket").get("items").get(0)).remove("sku");
            seed(document);

            expectFailure("Order Not Found");
            assertThat(output.getOut()).contains("Corrupt session document for order " + ORDER);
        }

        @Test
        void shouldRejectSessionThatBelongsToAnotherOrder() {
            seedPreOrder(ORDER, SESSION, SessionDocuments.standard("ORD-OTHER"));

            expectFailure("Order Not Found");
        }

        @Test
        void shouldRejectMissingPaymentOption() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            document.remove("paymentOption");
            seed(document);

            expectFailure("PaymentOption is null");
        }

        @Test
        void shouldRejectNullPaymentOptionBeforeLookingAtTheBasket() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            document.putNull("paymentOption");
            document.remove("basket");
            seed(document);

            expectFailure("PaymentOption is null");
        }

        @Test
        void shouldRejectPaymentOptionOfAnotherType() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("paymentOption")).put("paymentType", "credit_card");
            seed(document);

            expectFailure("PaymentOption is not valid for IVR payment");
        }

        @Test
        void shouldRejectWhenBasketChangedQuantity() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("basket").get("items").get(0)).put("quantity", 3);
            seed(document);

            expectFailure("Basket Changed");
        }

        @Test
        void shouldRejectWhenBasketGainedALine() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ArrayNode items = (ArrayNode) document.get("basket").get("items");
            items.add(items.get(1).deepCopy());
            seed(document);

            expectFailure("Basket Changed");
        }

        @Test
        void shouldRejectWhenBasketPriceChanged() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("basket").get("items").get(1)).put("discountedTotalPrice",
                    new BigDecimal("139.99"));
            seed(document);

            expectFailure("Basket Changed");
        }

        @Test
        void shouldRejectWhenBasketTotalChanged() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            ((ObjectNode) document.get("basket")).put("totalAmount", new BigDecimal("389.96"));
            seed(document);

            expectFailure("Basket Changed");
        }

        @Test
        void shouldRejectWhenLiveBasketIsAbsent() {
            ObjectNode document = SessionDocuments.standardTree(ORDER);
            document.remove("basket");
            seed(document);

            expectFailure("Basket Changed");
        }

        @Test
        void shouldRejectPaidOrderEvenAfterTheCheckoutDeletedIt() {
            seedStandard();
            complete(ORDER, "REF-1").body("orderResultResponse.result.success", equalTo(true));

            expectFailure("Order already paid");

            redis.delete(List.of(keys.order(ORDER), keys.session(SESSION)));
            expectFailure("Order already paid");
        }
    }
}
