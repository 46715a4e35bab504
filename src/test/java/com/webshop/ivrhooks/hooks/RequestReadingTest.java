package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.JsonTokens;
import com.webshop.ivrhooks.support.ApplicationJson;
import com.webshop.ivrhooks.support.HostileBodies;
import com.webshop.ivrhooks.support.IvrSettings;
import com.webshop.ivrhooks.transaction.PaymentReport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the token-stream request readers against the strict reading of the whole
 * body as a JSON tree that they replaced: the same bodies are accepted, into the same requests.
 */
class RequestReadingTest {

    private static final int MAX_BODY = 64 * 1024;
    private static final int HOSTILE_BODIES = 20_000;

    private static final String PRE_ORDER = """
            {"username": "ivr", "password": "secret", "orderNumber": "ORD-1"}""";
    private static final String COMPLETE = """
            {"username": "ivr", "password": "secret",
             "orderResultRequest": {"orderNumber": "ORD-1", "referenceNumber": "REF-1", "staffId": "S-1", "success": true}}""";

    private static final List<String> VALUES = List.of(
            "\"\"", "\" \"", "\"x\"", "\"\\u0007\"", "\"\\u00e7\"", "\"" + "x".repeat(128) + "\"",
            "\"" + "x".repeat(129) + "\"", "12", "-0", "1.5", "true", "false", "null", "{}", "{\"a\": \"x\"}",
            "[]", "[\"x\"]");

    private static ObjectMapper json;
    private static RequestBodyReader reader;

    @BeforeAll
    static void applicationMapper() {
        json = ApplicationJson.mapper();
        reader = new RequestBodyReader(json, IvrSettings.bound(Map.of("username", "ivr", "password", "secret",
                "max-body-size", MAX_BODY + "B")));
    }

    @Nested
    class PreOrder {

        @Test
        void shouldReadTheDocumentedRequest() {
            assertThat(reader.read(stream(PRE_ORDER), -1, PreOrderRequest::readUsual, PreOrderRequest::read))
                    .isEqualTo(new PreOrderRequest("ivr", "secret", "ORD-1"));
        }

        @Test
        void shouldAgreeWithTheTreeReadingOnEveryVariant() {
            compare(variants(PRE_ORDER), PreOrder::read, RequestReadingTest::treePreOrder);
        }

        @Test
        void shouldAgreeWithTheTreeReadingOnHostileBodies() {
            compare(hostile(PRE_ORDER), PreOrder::read, RequestReadingTest::treePreOrder);
        }

        @Test
        void shouldReadTheUsualBodyOffItsTokens() {
            byte[] body = PRE_ORDER.getBytes(StandardCharsets.UTF_8);
            JsonTokens tokens = new JsonTokens(body);
            tokens.nextToken();
            assertThat(PreOrderRequest.readUsual(tokens)).isEqualTo(new PreOrderRequest("ivr", "secret", "ORD-1"));
        }

        /** As the hook reads it: off the tokens where the body is usual, by Jackson where not. */
        private static PreOrderRequest read(InputStream body, long declaredLength) {
            return reader.read(body, declaredLength, PreOrderRequest::readUsual, PreOrderRequest::read);
        }
    }

    @Nested
    class Complete {

        @Test
        void shouldReadTheDocumentedRequest() {
            assertThat(reader.read(stream(COMPLETE), -1, CompleteRequest::read)).isEqualTo(
                    new CompleteRequest("ivr", "secret", new PaymentReport("ORD-1", "REF-1", "S-1", true)));
        }

        @Test
        void shouldAgreeWithTheTreeReadingOnEveryVariant() {
            compare(variants(COMPLETE), (body, length) -> reader.read(body, length, CompleteRequest::read),
                    RequestReadingTest::treeComplete);
        }

        @Test
        void shouldAgreeWithTheTreeReadingOnHostileBodies() {
            compare(hostile(COMPLETE), (body, length) -> reader.read(body, length, CompleteRequest::read),
                    RequestReadingTest::treeComplete);
        }
    }

    /** One way of reading a body, with its Content-Length or -1. */
    private interface BodyReading<T> {
        T read(InputStream body, long declaredLength);
    }

    private static <T> void compare(List<byte[]> bodies, BodyReading<T> reading, Function<JsonNode, T> oracle) {
        int accepted = 0;
        for (byte[] body : bodies) {
            String expected = outcome(() -> oracle.apply(tree(body)));
            // with its Content-Length and without one (chunked), which size the buffer differently
            for (long declaredLength : new long[] {body.length, -1}) {
                assertThat(outcome(() -> reading.read(new ByteArrayInputStream(body), declaredLength)))
                        .as(new String(body, StandardCharsets.UTF_8))
                        .isEqualTo(expected);
            }
            accepted += expected.startsWith("read") ? 1 : 0;
        }
        // the comparison covers both answers, not only refusals
        assertThat(accepted).isPositive().isLessThan(bodies.size());
    }

    /**
     * The valid body with each value replaced, each member removed, a stranger added, a member
     * repeated, something after the object, and invalid UTF-8 in a value.
     */
    private static List<byte[]> variants(String valid) {
        List<String> bodies = new ArrayList<>();
        List<int[]> values = valueSpans(valid);
        for (int[] span : values) {
            for (String value : VALUES) {
                bodies.add(valid.substring(0, span[0]) + value + valid.substring(span[1]));
            }
            bodies.add(valid.substring(0, span[0]) + "\"x\", \"unknown\": " + valid.substring(span[0]));
        }
        for (String name : List.of("username", "password", "orderNumber", "orderResultRequest", "referenceNumber",
                "staffId", "success")) {
            bodies.add(valid.replaceFirst("\"" + name + "\": [^,}]*(,\\s*)?", ""));
            bodies.add(valid.replaceFirst("\"" + name + "\"", "\"" + name + "\": null, \"" + name + "\""));
            bodies.add(valid.replaceFirst("\"" + name + "\"", "\"" + name.toUpperCase() + "\""));
        }
        for (String after : List.of("", " ", "\n", " {}", "}", "]", ",", " null", "x", "/* */")) {
            bodies.add(valid + after);
        }
        bodies.add(valid.replace("{", "{\"unknown\": {\"deep\": [1, {\"x\": null}]}, "));
        List<byte[]> encoded = new ArrayList<>(bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList());
        for (String badUtf8Into : List.of("ORD-1", "\"unknown\": \"")) {
            String body = valid.replace("{", "{\"unknown\": \"x\", ");
            int at = body.indexOf(badUtf8Into) + badUtf8Into.length();
            for (byte[] bad : List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xe2, (byte) 0x82})) {
                byte[] head = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
                byte[] tail = body.substring(at).getBytes(StandardCharsets.UTF_8);
                byte[] mixed = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, mixed, 0, head.length);
                System.arraycopy(bad, 0, mixed, head.length, bad.length);
                System.arraycopy(tail, 0, mixed, head.length + bad.length, tail.length);
                encoded.add(mixed);
            }
        }
        return encoded;
    }

    /** Where each scalar value of the valid body starts and ends. */
    private static List<int[]> valueSpans(String valid) {
        List<int[]> spans = new ArrayList<>();
        for (int colon = valid.indexOf(':'); colon >= 0; colon = valid.indexOf(':', colon + 1)) {
            int start = colon + 1;
            while (valid.charAt(start) == ' ') {
                start++;
            }
            int end = start;
            while (end < valid.length() && ",}".indexOf(valid.charAt(end)) < 0) {
                end++;
            }
            spans.add(new int[] {start, end});
        }
        return spans;
    }

    private static List<byte[]> hostile(String valid) {
        HostileBodies bodies = new HostileBodies(20261123L, MAX_BODY);
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < HOSTILE_BODIES; i++) {
            all.add(bodies.next(valid));
        }
        all.add(valid.getBytes(StandardCharsets.UTF_8));
        return all;
    }

    private static JsonNode tree(byte[] body) {
        if (body.length > MAX_BODY) {
            throw new InvalidInputException("too large");
        }
        // numbers as doubles: a BigDecimal beyond Jackson's limits threw NumberFormatException from
        // readTree, which the tree reading let through as "Service unavailable"; the fields it
        // checks are never numbers
        JsonNode node = json.reader().without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(body);
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("not an object");
        }
        return node;
    }

    private static PreOrderRequest treePreOrder(JsonNode body) {
        return new PreOrderRequest(string(body, "username"), string(body, "password"), identifier(body, "orderNumber"));
    }

    private static CompleteRequest treeComplete(JsonNode body) {
        String username = string(body, "username");
        String password = string(body, "password");
        JsonNode result = body.get("orderResultRequest");
        if (result == null || !result.isObject()) {
            throw new InvalidInputException("orderResultRequest");
        }
        JsonNode success = result.get("success");
        if (success != null && !success.isBoolean()) {
            throw new InvalidInputException("success");
        }
        return new CompleteRequest(username, password, new PaymentReport(identifier(result, "orderNumber"),
                nonBlank(identifier(result, "referenceNumber")), nonBlank(identifier(result, "staffId")),
                success == null || success.booleanValue()));
    }

    private static String string(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isString()) {
            throw new InvalidInputException(field);
        }
        return value.stringValue();
    }

    private static String identifier(JsonNode object, String field) {
        String value = string(object, field);
        if (value.length() > JsonFields.MAX_IDENTIFIER_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field);
        }
        return value;
    }

    private static String nonBlank(String value) {
        if (value.isBlank()) {
            throw new InvalidInputException("blank");
        }
        return value;
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private interface Read {
        Object read();
    }

    private static String outcome(Read read) {
        try {
            return "read " + read.read();
        } catch (InvalidInputException | tools.jackson.core.JacksonException e) {
            return "invalid";
        }
    }
}
