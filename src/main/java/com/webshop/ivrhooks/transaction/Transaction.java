package com.webshop.ivrhooks.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

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

    /** Field/value pairs in the order the hash and the stream entry carry them. */
    List<String> fields() {
        return List.of(
                "referenceNumber", referenceNumber,
                "orderNumber", orderNumber,
                "staffId", staffId,
                "amount", amount.toPlainString(),
                "currency", orEmpty(currency),
                "paymentOptionId", orEmpty(paymentOptionId),
                "sessionId", sessionId,
                "createdAt", createdAt.toString());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
