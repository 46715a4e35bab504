package com.webshop.ivrhooks.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Random and mutated request bodies from a seed, so any failure can be replayed: raw bytes
 * (invalid UTF-8 included), structural mutations of a valid body, and valid bodies with one value
 * swapped for a hostile one (deep nesting, huge numbers, control characters, duplicate keys,
 * strings up to the size limit).
 */
public final class HostileBodies {

    private static final List<String> TOKENS = List.of(
            "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "false", "-0", "0.1e-7",
            "1e999999", "-1e999999", "123456789012345678901234567890", "NaN", "Infinity",
            "\"\\u0000\"", "\"\\ud800\"", "\"\\u202e\"", "\"\\n\\r\\t\"", "\u0000", "\u00ff", "\ufeff",
            "/*", "//", "'", "\"orderNumber\": \"dup\"", "\"username\": 1");

    private final Random random;
    private final int maxBodyBytes;

    public HostileBodies(long seed, int maxBodyBytes) {
        this.random = new Random(seed);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** One body derived from {@code valid}, a well-formed request of the endpoint under test. */
    public byte[] next(String valid) {
        return switch (random.nextInt(4)) {
            case 0 -> randomBytes();
            case 1 -> mutate(valid).getBytes(StandardCharsets.UTF_8);
            case 2 -> replaceAValue(valid).getBytes(StandardCharsets.UTF_8);
            default -> mutate(replaceAValue(valid)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String mutate(String body) {
        StringBuilder text = new StringBuilder(body);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1 -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                default -> text.insert(at, (char) random.nextInt(0x3000));
            }
        }
        return text.toString();
    }

    /** Swaps the first value after a random key for a hostile JSON value. */
    private String replaceAValue(String body) {
        int colon = nthColon(body, random.nextInt(countColons(body)));
        int end = endOfValue(body, colon + 1);
        return body.substring(0, colon + 1) + hostileValue() + body.substring(end);
    }

    private String hostileValue() {
        return switch (random.nextInt(10)) {
            case 0 -> "[".repeat(1 + random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
            case 1 -> "{\"a\":".repeat(1 + random.nextInt(1500)) + "1" + "}".repeat(random.nextInt(1500));
            case 2 -> "1e" + random.nextInt(1_000_000);
            case 3 -> "\"" + "x".repeat(random.nextInt(maxBodyBytes + 64)) + "\"";
            case 4 -> "\"" + controlCharacters() + "\"";
            case 5 -> "null";
            case 6 -> String.valueOf(random.nextBoolean());
            case 7 -> String.valueOf(random.nextLong()) + "." + random.nextInt(1000);
            case 8 -> "[\"a\", 1, null, {}]";
            default -> "{\"nested\": " + TOKENS.get(random.nextInt(TOKENS.size())) + "}";
        };
    }

    private String controlCharacters() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            text.append(String.format("\\u%04x", random.nextInt(0x20))).append((char) ('A' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static int countColons(String body) {
        return (int) body.chars().filter(c -> c == ':').count();
    }

    private static int nthColon(String body, int n) {
        int at = -1;
        for (int i = 0; i <= n; i++) {
            at = body.indexOf(':', at + 1);
        }
        return at;
    }

    /** Where the scalar value starting at {@code from} ends: before the next ',' or '}' at its level. */
    private static int endOfValue(String body, int from) {
        int at = from;
        while (at < body.length() && Character.isWhitespace(body.charAt(at))) {
            at++;
        }
        if (at < body.length() && (body.charAt(at) == '{' || body.charAt(at) == '[')) {
            return at;
        }
        boolean inString = false;
        for (int i = at; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
                inString = !inString;
            } else if (!inString && (c == ',' || c == '}')) {
                return i;
            }
        }
        return body.length();
    }
}
