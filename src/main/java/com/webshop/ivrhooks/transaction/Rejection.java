package com.webshop.ivrhooks.transaction;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete that passed the credential check but was refused. The vendor may already have charged
 * the card, so finance needs it to find and refund the payment.
 */
record Rejection(String orderNumber, String referenceNumber, String staffId, String reason, Instant createdAt) {

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderNumber", orderNumber);
        fields.put("referenceNumber", referenceNumber);
        fields.put("staffId", staffId);
        fields.put("reason", reason);
        fields.put("createdAt", createdAt.toString());
        return fields;
    }
}
