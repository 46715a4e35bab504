package com.webshop.ivrhooks.config;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The Redis key layout of the data contract. The braces are Redis Cluster hash tags, so an order's
 * index and its transaction live in one slot.
 */
@Component
public class RedisKeys {

    private final String prefix;

    public RedisKeys(IvrProperties properties) {
        this.prefix = properties.redis().keyPrefix();
    }

    public static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** Keys or arguments as the native commands take them. */
    public static byte[][] bytes(String... values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = bytes(values[i]);
        }
        return bytes;
    }

    public String order(String orderNumber) {
        return prefix + ":order:{" + orderNumber + "}";
    }

    public String session(String sessionId) {
        return prefix + ":session:{" + sessionId + "}";
    }

    public String transaction(String orderNumber) {
        return prefix + ":txn:{" + orderNumber + "}";
    }

    /** The id of the order's transaction stream entry once published. */
    public String published(String orderNumber) {
        return prefix + ":published:{" + orderNumber + "}";
    }

    public String reference(String referenceNumber) {
        return prefix + ":ref:{" + referenceNumber + "}";
    }

    /** Failed credential checks from one client address. */
    public String failedLogins(String clientAddress) {
        return prefix + ":throttle:{" + clientAddress + "}";
    }

    public String transactionStream() {
        return prefix + ":transactions";
    }

    public String rejectionStream() {
        return prefix + ":rejections";
    }
}
