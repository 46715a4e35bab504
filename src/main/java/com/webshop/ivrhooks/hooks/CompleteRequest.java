package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.transaction.PaymentReport;
import tools.jackson.databind.JsonNode;

/**
 * {@code {"username", "password", "orderResultRequest": {"orderNumber", "referenceNumber", "staffId",
 * "success"}}}; {@code success} defaults to true, unknown fields are ignored.
 */
record CompleteRequest(String username, String password, PaymentReport orderResult) {

    static CompleteRequest from(JsonNode body) {
        String username = JsonFields.string(body, "username");
        String password = JsonFields.string(body, "password");
        JsonNode result = JsonFields.object(body, "orderResultRequest");
        return new CompleteRequest(username, password, new PaymentReport(
                JsonFields.identifier(result, "orderNumber"),
                JsonFields.nonBlankIdentifier(result, "referenceNumber"),
                JsonFields.nonBlankIdentifier(result, "staffId"),
                JsonFields.optionalBoolean(result, "success", true)));
    }
}
