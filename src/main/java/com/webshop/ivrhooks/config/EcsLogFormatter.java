package com.webshop.ivrhooks.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Elastic Common Schema log lines with the members of Spring Boot's {@code ecs} format, written by
 * hand: Spring Boot's general JSON writer cost an eighth of the CPU of a hook call in the
 * benchmark's profile, for one line per call. Key-value pairs and MDC entries are top-level
 * members. An exception is written as {@code error.type} and {@code error.message}, never with its
 * stack trace. Enabled with {@code logging.structured.format.console} set to this class's name.
 */
public class EcsLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final String ECS_VERSION = "8.11";

    private record Second(long epochSecond, String text) {}

    private volatile Second second = new Second(Long.MIN_VALUE, "");
    private final String processMembers;
    private final String serviceMembers;

    public EcsLogFormatter(Environment environment) {
        Long pid = environment.getProperty("spring.application.pid", Long.class);
        this.processMembers = ",\"process\":{" + (pid == null ? "" : "\"pid\":" + pid + ",") + "\"thread\":{\"name\":";
        StringBuilder service = new StringBuilder(",\"service\":{");
        String name = environment.getProperty("logging.structured.ecs.service.name",
                environment.getProperty("spring.application.name", ""));
        String version = environment.getProperty("logging.structured.ecs.service.version",
                environment.getProperty("spring.application.version", ""));
        String serviceEnvironment = environment.getProperty("logging.structured.ecs.service.environment", "");
        String nodeName = environment.getProperty("logging.structured.ecs.service.node-name", "");
        member(service, "name", name);
        member(service, "version", version);
        member(service, "environment", serviceEnvironment);
        separate(service).append("\"node\":{");
        member(service, "name", nodeName);
        this.serviceMembers = service.append("}}").toString();
    }

    @Override
    public String format(ILoggingEvent event) {
        // a hook call's line is about 500 characters: room enough not to grow
        StringBuilder line = new StringBuilder(1024);
        line.append("{\"@timestamp\":\"");
        timestamp(line, event.getInstant());
        line.append("\",\"log\":{\"level\":\"")
                .append(event.getLevel()).append("\",\"logger\":");
        string(line, event.getLoggerName());
        line.append('}').append(processMembers);
        string(line, event.getThreadName());
        line.append("}}").append(serviceMembers).append(",\"message\":");
        string(line, event.getFormattedMessage());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            line.append(',');
            string(line, entry.getKey());
            line.append(':');
            string(line, entry.getValue());
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                line.append(',');
                string(line, pair.key);
                line.append(':');
                value(line, pair.value);
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.append(",\"error\":{\"type\":");
            string(line, error.getClassName());
            line.append(",\"message\":");
            string(line, error.getMessage());
            line.append('}');
        }
        List<Marker> markers = event.getMarkerList();
        if (markers != null && !markers.isEmpty()) {
            line.append(",\"tags\":[");
            for (int i = 0; i < markers.size(); i++) {
                line.append(i == 0 ? "" : ",");
                string(line, markers.get(i).getName());
            }
            line.append(']');
        }
        return line.append(",\"ecs\":{\"version\":\"").append(ECS_VERSION).append("\"}}\n").toString();
    }

    /**
     * As {@link Instant#toString()} writes it. The date and time of day change once a second, so
     * they are formatted once a second: Instant's formatter was a third of this formatter's cost.
     */
    void timestamp(StringBuilder line, Instant instant) {
        Second current = second;
        if (current.epochSecond() != instant.getEpochSecond()) {
            String text = Instant.ofEpochSecond(instant.getEpochSecond()).toString();
            current = new Second(instant.getEpochSecond(), text.substring(0, text.length() - 1));
            second = current;
        }
        line.append(current.text());
        int nanos = instant.getNano();
        if (nanos != 0) {
            // ISO_INSTANT's rule: three, six or nine digits, as few as hold the value
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            int fraction = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
            line.append('.');
            for (int scale = digits == 3 ? 100 : digits == 6 ? 100_000 : 100_000_000; scale > 0; scale /= 10) {
                line.append((char) ('0' + fraction / scale % 10));
            }
        }
        line.append('Z');
    }

    private static void member(StringBuilder json, String name, String value) {
        if (!value.isEmpty()) {
            separate(json).append('"').append(name).append("\":");
            string(json, value);
        }
    }

    private static StringBuilder separate(StringBuilder json) {
        return json.charAt(json.length() - 1) == '{' ? json : json.append(',');
    }

    private static void value(StringBuilder json, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            json.append(value);
        } else {
            string(json, value == null ? null : value.toString());
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else as it is. */
    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        int clean = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
                continue;
            }
            json.append(value, clean, i);
            clean = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(String.format("\\u%04x", (int) c));
            }
        }
        json.append(value, clean, value.length()).append('"');
    }
}
