package com.webshop.ivrhooks.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class EcsLogFormatterTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final EcsLogFormatter formatter = new EcsLogFormatter(new MockEnvironment()
            .withProperty("spring.application.name", "ivr-hooks")
            .withProperty("spring.application.version", "1.2.3")
            .withProperty("spring.application.pid", "4242"));

    @Test
    void shouldWriteTheTimestampExactlyAsInstantDoes() {
        List<Instant> instants = new ArrayList<>();
        for (long second : new long[] {1_795_000_000L, 1_795_000_001L, 1_795_000_000L, 0L, 4_102_444_799L}) {
            for (int nanos : new int[] {0, 1, 7, 5_000, 120_000, 1_000_000, 100_000_000, 120_000_000,
                    769_791_420, 999_999_999, 999_000_000, 999_999_000, 10_000_010}) {
                instants.add(Instant.ofEpochSecond(second, nanos));
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(1_795_000_000L + random.nextInt(3), random.nextInt(1_000_000_000)));
        }

        for (Instant instant : instants) {
            Utf8Json line = new Utf8Json(8, Utf8Json.Escapes.LOG_LINE);
            formatter.timestamp(line, instant);
            assertThat(line).as("%s", instant).hasToString(instant.toString());
        }
    }

    @Test
    void shouldWriteTheMembersOfSpringBootsEcsFormatWithKeyValuePairsAtTopLevel() {
        LoggingEvent event = event("hook call", null);
        event.addKeyValuePair(new KeyValuePair("endpoint", "complete"));
        event.addKeyValuePair(new KeyValuePair("referenceNumber", null));
        event.addKeyValuePair(new KeyValuePair("durationMs", 27L));

        String line = formatter.format(event);

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        assertThat(JSON.readTree(line)).isEqualTo(JSON.readTree("""
                {"@timestamp": "2026-11-23T16:25:17.769791420Z",
                 "log": {"level": "INFO", "logger": "com.webshop.ivrhooks.hooks.HookCallFilter"},
                 "process": {"pid": 4242, "thread": {"name": "http-nio-8080-exec-1"}},
                 "service": {"name": "ivr-hooks", "version": "1.2.3", "node": {}},
                 "message": "hook call",
                 "endpoint": "complete", "referenceNumber": null, "durationMs": 27,
                 "ecs": {"version": "8.11"}}
                """));
    }

    @Test
    void shouldWriteWhatSpringBootsOwnEcsFormatWritesLessTheStackTrace() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "ivr-hooks")
                .withProperty("spring.application.version", "1.2.3")
                .withProperty("spring.application.pid", "4242");
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder spring = new StructuredLogEncoder();
        spring.setContext(context);
        spring.setFormat("ecs");
        spring.start();
        EcsLogFormatter ours = new EcsLogFormatter(environment);

        LoggingEvent call = event("hook call", null);
        call.addKeyValuePair(new KeyValuePair("orderNumber", "ORD \"1\"\n"));
        call.addKeyValuePair(new KeyValuePair("durationMs", 27L));
        LoggingEvent tagged = event("started ü", null);
        tagged.setMDCPropertyMap(Map.of("traceId", "abc"));
        tagged.addMarker(MarkerFactory.getMarker("AUDIT"));
        LoggingEvent failed = event("failed", new IllegalStateException("Redis \"down\""));

        for (LoggingEvent event : List.of(call, tagged, failed)) {
            ObjectNode expected = (ObjectNode) JSON.readTree(spring.encode(event));
            if (expected.has("error")) {
                ((ObjectNode) expected.get("error")).remove("stack_trace");
            }
            assertThat(JSON.readTree(ours.format(event))).isEqualTo(expected);
        }
    }

    @Test
    void shouldEscapeWhatWouldBreakTheLineOrTheJson() {
        LoggingEvent event = event("order \"A\\B\"\nsecond line\u0000\t\u2028 ünïcode", null);
        event.addKeyValuePair(new KeyValuePair("orderNumber", "ORD\r\n{\"forged\":true}"));

        String line = formatter.format(event);

        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("order \"A\\B\"\nsecond line\u0000\t\u2028 ünïcode");
        assertThat(json.get("orderNumber").asString()).isEqualTo("ORD\r\n{\"forged\":true}");
        assertThat(json.has("forged")).isFalse();
    }

    @Test
    void shouldWriteEveryCharacterAsUtf8ThatReadsBackAsItWas() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x900; c++) {
            every.append(c);
        }
        every.append("\uFFFF \uD83D\uDE00 茶杯 Кофе \uE000");
        LoggingEvent event = event(every.toString(), null);
        event.addKeyValuePair(new KeyValuePair("broken", "a\uD800b\uDC00c"));

        byte[] line = formatter.formatAsBytes(event, UTF_8);

        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("message").asString()).isEqualTo(every.toString());
        // a lone surrogate as String.getBytes encodes it
        assertThat(json.get("broken").asString()).isEqualTo("a?b?c");
        assertThat(formatter.format(event)).isEqualTo(new String(line, UTF_8));
        assertThat(formatter.formatAsBytes(event, ISO_8859_1)).isEqualTo(formatter.format(event).getBytes(ISO_8859_1));
    }

    @Test
    void shouldWriteAnExceptionsTypeAndMessageButNeverItsStackTrace() {
        LoggingEvent event = event("failed", new IllegalStateException("Redis \"down\""));

        JsonNode json = JSON.readTree(formatter.format(event));

        assertThat(json.get("error")).isEqualTo(JSON.readTree("""
                {"type": "java.lang.IllegalStateException", "message": "Redis \\"down\\""}
                """));
        assertThat(formatter.format(event)).doesNotContain("stack_trace").doesNotContain("EcsLogFormatterTest");
    }

    @Test
    void shouldWriteMdcEntriesMarkersAndConfiguredServiceMembers() {
        EcsLogFormatter configured = new EcsLogFormatter(new MockEnvironment()
                .withProperty("spring.application.name", "ivr-hooks")
                .withProperty("logging.structured.ecs.service.name", "payments")
                .withProperty("logging.structured.ecs.service.environment", "prod")
                .withProperty("logging.structured.ecs.service.node-name", "pod-1"));
        LoggingEvent event = event("started", null);
        event.setMDCPropertyMap(Map.of("traceId", "abc"));
        event.addMarker(MarkerFactory.getMarker("AUDIT"));

        JsonNode json = JSON.readTree(configured.format(event));

        assertThat(json.get("service")).isEqualTo(JSON.readTree("""
                {"name": "payments", "environment": "prod", "node": {"name": "pod-1"}}
                """));
        assertThat(json.get("traceId").asString()).isEqualTo("abc");
        assertThat(json.get("tags")).isEqualTo(JSON.readTree("[\"AUDIT\"]"));
    }

    @Test
    void shouldWriteEachLineWholeWhateverTheLineBeforeIt() {
        LoggingEvent longLine = event("x".repeat(40_000), null);
        LoggingEvent middleLine = event("y".repeat(2_000), null);
        LoggingEvent shortLine = event("hook call", null);
        shortLine.addKeyValuePair(new KeyValuePair("endpoint", "pre_order"));
        // the names that repeat from line to line are escaped once: another thread, logger or key must show
        LoggingEvent otherNames = new LoggingEvent(EcsLogFormatterTest.class.getName(),
                ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("com.example.\"Other\""), Level.WARN,
                "hook call", null, null);
        otherNames.setInstant(Instant.parse("2026-11-23T16:25:17Z"));
        otherNames.setThreadName("hook-call-log\n");
        otherNames.addKeyValuePair(new KeyValuePair("outcome", "success"));
        LoggingEvent manyPairs = event("hook call", null);
        for (int i = 0; i < 12; i++) {
            manyPairs.addKeyValuePair(new KeyValuePair("key\t" + i, i));
        }

        for (LoggingEvent event : List.of(shortLine, longLine, shortLine, middleLine, shortLine, shortLine,
                otherNames, shortLine, manyPairs, otherNames, manyPairs, shortLine)) {
            EcsLogFormatter fresh = new EcsLogFormatter(new MockEnvironment()
                    .withProperty("spring.application.name", "ivr-hooks")
                    .withProperty("spring.application.version", "1.2.3")
                    .withProperty("spring.application.pid", "4242"));
            assertThat(formatter.formatAsBytes(event, StandardCharsets.UTF_8))
                    .isEqualTo(fresh.formatAsBytes(event, StandardCharsets.UTF_8));
        }
    }

    private static LoggingEvent event(String message, Throwable error) {
        LoggingEvent event = new LoggingEvent(EcsLogFormatterTest.class.getName(),
                ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("com.webshop.ivrhooks.hooks.HookCallFilter"), Level.INFO, message, error,
                null);
        event.setInstant(Instant.parse("2026-11-23T16:25:17.769791420Z"));
        event.setThreadName("http-nio-8080-exec-1");
        return event;
    }
}
