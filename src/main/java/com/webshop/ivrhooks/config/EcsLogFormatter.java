package com.webshop.ivrhooks.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Elastic Common Schema log lines with the members of Spring Boot's {@code ecs} format, written by
 * hand: Spring Boot's general JSON writer cost an eighth of the CPU of a hook call in the
 * benchmark's profile, for one line per call. Key-value pairs and MDC entries are top-level
 * members. An exception is written as {@code error.type} and {@code error.message}, never with its
 * stack trace. Enabled with {@code logging.structured.format.console} set to this class's name.
 *
 * <p>The line is written as UTF-8 bytes straight away, the form Logback's encoder hands on: building
 * a string first cost three copies of every line.
 */
public class EcsLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final byte[] ECS_VERSION = asciiBytes(",\"ecs\":{\"version\":\"8.11\"}}\n");
    private static final byte[] TIMESTAMP = asciiBytes("{\"@timestamp\":\"");
    private static final byte[] LEVEL = asciiBytes("\",\"log\":{\"level\":\"");
    private static final byte[] LOGGER = asciiBytes("\",\"logger\":");
    private static final byte[] ERROR_TYPE = asciiBytes(",\"error\":{\"type\":");
    private static final byte[] ERROR_MESSAGE = asciiBytes(",\"message\":");
    private static final byte[] TAGS = asciiBytes(",\"tags\":[");

    private record Second(long epochSecond, byte[] text) {}

    /** A text and its JSON string, for the names that repeat from line to line. */
    private record Escaped(String text, byte[] json) {

        static Escaped of(String text) {
            Utf8Json json = new Utf8Json(text == null ? 4 : text.length() * 6 + 2, Utf8Json.Escapes.LOG_LINE);
            return new Escaped(text, json.string(text).toByteArray());
        }

        /** This one if it is for the very same text, else a new one. */
        Escaped reusedFor(String other) {
            return other == text ? this : of(other);
        }
    }

    /** Lines longer than this leave their grown buffer to the garbage collector. */
    private static final int MAX_KEPT_BUFFER = 16 * 1024;

    private volatile Second second = new Second(Long.MIN_VALUE, new byte[0]);
    // The logger's and thread's names, the message and the key-value pairs' keys are mostly the same
    // strings (the very same objects) line after line: the call log's. Escaping them again for every
    // line was about a quarter of this formatter's work. Immutable records: a race only costs a miss.
    private Escaped loggerName = Escaped.of("");
    private Escaped threadName = Escaped.of("");
    private Escaped message = Escaped.of("");
    private final Escaped[] keys = new Escaped[8];
    private final byte[] processMembers;
    private final byte[] serviceMembers;
    // the last line's buffer, for the next: most lines come from one thread, the call log's writer
    private final AtomicReference<Utf8Json> spare = new AtomicReference<>();

    public EcsLogFormatter(Environment environment) {
        Arrays.fill(keys, Escaped.of(""));
        Long pid = environment.getProperty("spring.application.pid", Long.class);
        this.processMembers = asciiBytes("},\"process\":{" + (pid == null ? "" : "\"pid\":" + pid + ",")
                + "\"thread\":{\"name\":");
        Utf8Json service = new Utf8Json(128, Utf8Json.Escapes.LOG_LINE).ascii("}},\"service\":{");
        String name = environment.getProperty("logging.structured.ecs.service.name",
                environment.getProperty("spring.application.name", ""));
        String version = environment.getProperty("logging.structured.ecs.service.version",
                environment.getProperty("spring.application.version", ""));
        String serviceEnvironment = environment.getProperty("logging.structured.ecs.service.environment", "");
        String nodeName = environment.getProperty("logging.structured.ecs.service.node-name", "");
        boolean first = member(service, true, "name", name);
        first = member(service, first, "version", version);
        first = member(service, first, "environment", serviceEnvironment);
        service.ascii(first ? "\"node\":{" : ",\"node\":{");
        member(service, true, "name", nodeName);
        this.serviceMembers = service.ascii("}},\"message\":").toByteArray();
    }

    @Override
    public String format(ILoggingEvent event) {
        return new String(formatAsBytes(event, UTF_8), UTF_8);
    }

    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        if (!UTF_8.equals(charset)) {
            return format(event).getBytes(charset);
        }
        Utf8Json line = spare.getAndSet(null);
        // a hook call's line is about 500 bytes: room enough not to grow
        line = line == null ? new Utf8Json(768, Utf8Json.Escapes.LOG_LINE) : line.clear();
        line.bytes(TIMESTAMP);
        timestamp(line, event.getInstant());
        Escaped loggerName = this.loggerName = this.loggerName.reusedFor(event.getLoggerName());
        Escaped threadName = this.threadName = this.threadName.reusedFor(event.getThreadName());
        Escaped message = this.message = this.message.reusedFor(event.getFormattedMessage());
        line.bytes(LEVEL).ascii(event.getLevel().toString()).bytes(LOGGER).bytes(loggerName.json())
                .bytes(processMembers).bytes(threadName.json())
                .bytes(serviceMembers).bytes(message.json());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            line.ascii(",").string(entry.getKey()).ascii(":").string(entry.getValue());
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (int i = 0; i < pairs.size(); i++) {
                KeyValuePair pair = pairs.get(i);
                line.ascii(",").bytes(key(i, pair.key)).ascii(":");
                if (pair.value instanceof Integer || pair.value instanceof Long || pair.value instanceof Boolean) {
                    line.ascii(pair.value.toString());
                } else {
                    line.string(pair.value == null ? null : pair.value.toString());
                }
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.bytes(ERROR_TYPE).string(error.getClassName())
                    .bytes(ERROR_MESSAGE).string(error.getMessage()).ascii("}");
        }
        List<Marker> markers = event.getMarkerList();
        if (markers != null && !markers.isEmpty()) {
            line.bytes(TAGS);
            for (int i = 0; i < markers.size(); i++) {
                line.ascii(i == 0 ? "" : ",").string(markers.get(i).getName());
            }
            line.ascii("]");
        }
        byte[] bytes = line.bytes(ECS_VERSION).toByteArray();
        if (line.capacity() <= MAX_KEPT_BUFFER) {
            spare.set(line);
        }
        return bytes;
    }

    /** The key of the {@code index}th pair as a JSON string, escaped once while it stays the same. */
    private byte[] key(int index, String key) {
        if (index >= keys.length) {
            return Escaped.of(key).json();
        }
        return (keys[index] = keys[index].reusedFor(key)).json();
    }

    /**
     * As {@link Instant#toString()} writes it. The date and time of day change once a second, so
     * they are formatted once a second: Instant's formatter was a third of this formatter's cost.
     */
    void timestamp(Utf8Json line, Instant instant) {
        Second current = second;
        if (current.epochSecond() != instant.getEpochSecond()) {
            String text = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
            current = new Second(instant.getEpochSecond(), asciiBytes(text.substring(0, text.length() - 1)));
            second = current;
        }
        line.bytes(current.text());
        int nanos = instant.getNano();
        if (nanos != 0) {
            // ISO_INSTANT's rule: three, six or nine digits, as few as hold the value
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            int fraction = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
            line.ascii(".");
            for (int scale = digits == 3 ? 100 : digits == 6 ? 100_000 : 100_000_000; scale > 0; scale /= 10) {
                line.digit(fraction / scale % 10);
            }
        }
        line.ascii("Z");
    }

    /** Writes {@code "name":value} unless the value is empty; returns whether nothing was written yet. */
    private static boolean member(Utf8Json json, boolean first, String name, String value) {
        if (value.isEmpty()) {
            return first;
        }
        json.ascii(first ? "\"" : ",\"").ascii(name).ascii("\":").string(value);
        return false;
    }

    private static byte[] asciiBytes(String text) {
        return text.getBytes(US_ASCII);
    }
}
