package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Whatever arrives, the answer is HTTP 200 with the envelope and "Input invalid", and nothing is written. */
class MalformedInputTest extends AbstractIntegrationTest {

    private static final String ORDER = "ORD-2024-001234";

    private Set<String> seededKeys;

    @BeforeEach
    void seed() {
        seedPreOrder(ORDER, "sess-1", SessionDocuments.standard(ORDER));
        seededKeys = redis.keys("*");
    }

    static Stream<String> malformedJson() {
        return Stream.of(
                "",
                " ",
                "not json",
                "null",
                "[]",
                "[{\"username\": \"u\"}]",
                "\"a string\"",
                "42",
                "true",
                "{",
                "{\"username\": \"u\",}",
                "{} {}",
                "{\"username\": 'single quotes'}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
    }

    private void expectInputInvalid(ValidatableResponse response, String errortextPath) {
        response.body(errortextPath, equalTo("Input invalid"));
        assertThat(redis.keys("*")).isEqualTo(seededKeys);
    }

    @Nested
    class PreOrder {

        private static final String ERRORTEXT = "result.errortext";

        private ValidatableResponse send(String body) {
            return post(PRE_ORDER, body).body("productlist.size()", equalTo(0)).body("orderprice", equalTo(0.0f));
        }

        @ParameterizedTest
        @MethodSource("com.webshop.ivrhooks.hooks.MalformedInputTest#malformedJson")
        void shouldRejectMalformedJson(String body) {
            expectInputInvalid(send(body), ERRORTEXT);
        }

        @ParameterizedTest
        @MethodSource("com.webshop.ivrhooks.hooks.MalformedInputTest#wrongPreOrderShapes")
        void shouldRejectMissingFieldsAndWrongTypes(String body) {
            expectInputInvalid(send(body), ERRORTEXT);
        }

        @Test
        void shouldRejectDuplicateKeys() {
            expectInputInvalid(send("""
                    {"username": "%s", "password": "%s", "orderNumber": "X", "orderNumber": "%s"}
                    """.formatted(USERNAME, PASSWORD, ORDER)), ERRORTEXT);
        }

        /** Reading whole bodies as trees once made such a number a BigDecimal, whose failure answered "Service unavailable". */
        @Test
        void shouldTreatANumberBeyondAnyLimitAsJustANumber() {
            post(PRE_ORDER, """
                    {"username": "%s", "password": "%s", "orderNumber": "%s", "note": -4371551e9999998018499931633}
                    """.formatted(USERNAME, PASSWORD, ORDER))
                    .body("result.success", equalTo(true));
            expectInputInvalid(send("""
                    {"username": "%s", "password": "%s", "orderNumber": 7100.1e-77485698313195605}
                    """.formatted(USERNAME, PASSWORD)), ERRORTEXT);
        }

        @Test
        void shouldRejectBodiesOverTheLimitEvenWithValidCredentials() {
            String body = """
                    {"username": "%s", "password": "%s", "orderNumber": "%s", "padding": "%s"}
                    """.formatted(USERNAME, PASSWORD, ORDER, "x".repeat(70_000));

            expectInputInvalid(send(body), ERRORTEXT);
        }

        @Test
        void shouldReadABodyOfExactlyTheLimitInFullAndRefuseOneByteMore() {
            String prefix = "{\"username\": \"%s\", \"password\": \"%s\", \"orderNumber\": \"%s\", \"padding\": \""
                    .formatted(USERNAME, PASSWORD, ORDER);
            String atLimit = prefix + "x".repeat(64 * 1024 - prefix.length() - 2) + "\"}";
            assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);

            post(PRE_ORDER, atLimit).body("result.success", equalTo(true)).body("productlist.size()", equalTo(2));
            expectInputInvalid(send(atLimit.replace("\"}", "x\"}")), ERRORTEXT);
        }

        @Test
        void shouldAnswerHugeBodiesWithTheEnvelopeRatherThanAReset() {
            byte[] body = new byte[10 * 1024 * 1024];
            Arrays.fill(body, (byte) '[');

            expectInputInvalid(given().port(port).filter(OPENAPI).contentType("application/json").body(body)
                    .post(PRE_ORDER).then().statusCode(200), ERRORTEXT);
        }

        @Test
        void shouldRejectInvalidUtf8() {
            byte[] body = "{\"username\": \"\u00ff\u00fe\", \"password\": \"p\", \"orderNumber\": \"X\"}"
                    .getBytes(StandardCharsets.ISO_8859_1);

            expectInputInvalid(given().port(port).filter(OPENAPI).contentType("application/json").body(body)
                    .post(PRE_ORDER).then().statusCode(200), ERRORTEXT);
        }

        @Test
        void shouldRejectIdentifiersWithControlCharactersOrOverLength() {
            expectInputInvalid(send("""
                    {"username": "%s", "password": "%s", "orderNumber": "ORD\\u0000"}
                    """.formatted(USERNAME, PASSWORD)), ERRORTEXT);
            expectInputInvalid(send("""
                    {"username": "%s", "password": "%s", "orderNumber": "ORD\\n1"}
                    """.formatted(USERNAME, PASSWORD)), ERRORTEXT);
            expectInputInvalid(send("""
                    {"username": "%s", "password": "%s", "orderNumber": "%s"}
                    """.formatted(USERNAME, PASSWORD, "9".repeat(129))), ERRORTEXT);
        }

        @Test
        void shouldAnswerWhateverTheContentTypeOrAcceptHeader() {
            seedPreOrder(ORDER, "sess-1", SessionDocuments.standard(ORDER));
            String body = preOrderBody(ORDER);

            for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded",
                    "multipart/form-data", "application/xml"}) {
                // sent as raw text, the way a careless client would, not encoded as a form
                given().port(port).filter(OPENAPI)
                        .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs(contentType, ContentType.TEXT)))
                        .contentType(contentType).accept("text/html").body(body)
                        .post(PRE_ORDER).then().statusCode(200).contentType("application/json")
                        .body("result.success", equalTo(true));
            }
            given().port(port).filter(OPENAPI).body(body.getBytes(StandardCharsets.UTF_8))
                    .post(PRE_ORDER).then().statusCode(200).contentType("application/json")
                    .body("result.success", equalTo(true));
        }
    }

    @Nested
    class Complete {

        private static final String ERRORTEXT = "orderResultResponse.result.errortext";

        @ParameterizedTest
        @MethodSource("com.webshop.ivrhooks.hooks.MalformedInputTest#malformedJson")
        void shouldRejectMalformedJson(String body) {
            expectInputInvalid(post(COMPLETE, body), ERRORTEXT);
        }

        @ParameterizedTest
        @MethodSource("com.webshop.ivrhooks.hooks.MalformedInputTest#wrongCompleteShapes")
        void shouldRejectMissingFieldsAndWrongTypes(String body) {
            expectInputInvalid(post(COMPLETE, body), ERRORTEXT);
        }

        @Test
        void shouldRejectBodiesOverTheLimitEvenWithValidCredentials() {
            String body = """
                    {"username": "%s", "password": "%s", "padding": "%s",
                     "orderResultRequest": {"orderNumber": "%s", "referenceNumber": "R-1", "staffId": "S-1"}}
                    """.formatted(USERNAME, PASSWORD, "x".repeat(70_000), ORDER);

            expectInputInvalid(post(COMPLETE, body), ERRORTEXT);
        }

        @Test
        void shouldAnswerWithoutAnyContentType() {
            seedPreOrder(ORDER, "sess-1", SessionDocuments.standard(ORDER));

            given().port(port).filter(OPENAPI).body(completeBody(ORDER, "R-1").getBytes(StandardCharsets.UTF_8))
                    .post(COMPLETE).then().statusCode(200).contentType("application/json")
                    .body("orderResultResponse.result.success", equalTo(true));
        }
    }

    static Stream<String> wrongPreOrderShapes() {
        String valid = "\"username\": \"%s\", \"password\": \"%s\"".formatted(USERNAME, PASSWORD);
        return Stream.of(
                "{}",
                "{\"password\": \"%s\", \"orderNumber\": \"%s\"}".formatted(PASSWORD, ORDER),
                "{\"username\": \"%s\", \"orderNumber\": \"%s\"}".formatted(USERNAME, ORDER),
                "{" + valid + "}",
                "{" + valid + ", \"orderNumber\": null}",
                "{" + valid + ", \"orderNumber\": 1234}",
                "{" + valid + ", \"orderNumber\": [\"" + ORDER + "\"]}",
                "{" + valid + ", \"orderNumber\": {\"value\": \"" + ORDER + "\"}}",
                "{\"username\": null, \"password\": \"%s\", \"orderNumber\": \"%s\"}".formatted(PASSWORD, ORDER),
                "{\"username\": 1, \"password\": \"%s\", \"orderNumber\": \"%s\"}".formatted(PASSWORD, ORDER),
                "{\"username\": \"%s\", \"password\": true, \"orderNumber\": \"%s\"}".formatted(USERNAME, ORDER),
                "{\"username\": \"%s\", \"password\": 1e999999, \"orderNumber\": \"%s\"}".formatted(USERNAME, ORDER));
    }

    static Stream<String> wrongCompleteShapes() {
        String credentials = "\"username\": \"%s\", \"password\": \"%s\"".formatted(USERNAME, PASSWORD);
        String order = "\"orderNumber\": \"%s\"".formatted(ORDER);
        return Stream.of(
                "{" + credentials + "}",
                "{" + credentials + ", \"orderResultRequest\": null}",
                "{" + credentials + ", \"orderResultRequest\": \"" + ORDER + "\"}",
                "{" + credentials + ", \"orderResultRequest\": [{" + order + "}]}",
                "{" + credentials + ", \"orderResultRequest\": {}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"staffId\": \"S\"}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"referenceNumber\": \"R\"}}",
                "{" + credentials + ", \"orderResultRequest\": {\"referenceNumber\": \"R\", \"staffId\": \"S\"}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"referenceNumber\": 7, \"staffId\": \"S\"}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"referenceNumber\": \"R\", \"staffId\": null}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"referenceNumber\": \"R\", \"staffId\": \"S\", \"success\": \"true\"}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"referenceNumber\": \"R\", \"staffId\": \"S\", \"success\": 1}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"referenceNumber\": \"R\", \"staffId\": \"S\", \"success\": null}}",
                "{" + credentials + ", \"orderResultRequest\": {" + order + ", \"referenceNumber\": \"R\\u0007\", \"staffId\": \"S\"}}",
                "{\"username\": 5, \"password\": \"%s\", \"orderResultRequest\": {%s, \"referenceNumber\": \"R\", \"staffId\": \"S\"}}"
                        .formatted(PASSWORD, order));
    }
}
