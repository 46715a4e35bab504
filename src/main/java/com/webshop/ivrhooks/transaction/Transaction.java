package com.webshop.ivrhooks.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recorded payment, as stored in {@code ivr:txn:{orderNumber}} and on {@code ivr:transactions}. */
record Transaction(
        String referenceNumber,
        String orderNumber,
        String staffId,
        BigDecimal amount,
        String currency,
        String paymentOptionId,
        String sessionId,
        Instant createdAt) {

    /** The fields in the order the hash and the stream entry carry them. */
    Map<String, String> fieldMap() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("referenceNumber", referenceNumber);
        fields.put("orderNumber", orderNumber);
        fields.put("staffId", staffId);
        fields.put("amount", amount.toPlainString());
        fields.put("currency", orEmpty(currency));
        fields.put("paymentOptionId", orEmpty(paymentOptionId));
        fields.put("sessionId", sessionId);
        fields.put("createdAt", createdAt.toString());
        return fields;
    }

    /** Field/value pairs, as script arguments: referenceNumber and orderNumber come first. */
    List<String> fields() {
        List<String> pairs = new ArrayList<>();
        fieldMap().forEach((field, value) -> {
            pairs.add(field);
            pairs.add(value);
        });
        return pairs;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
