package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.transaction.PaymentReport;
import tools.jackson.core.JsonParser;

/**
 * {@code {"username", "password", "orderResultRequest": {"orderNumber", "referenceNumber", "staffId",
 * "success"}}}; {@code success} defaults to true, unknown fields are ignored.
 */
record CompleteRequest(String username, String password, PaymentReport orderResult) {

    /** Reads the body's object, with the parser on its start. */
    static CompleteRequest read(JsonParser body) {
        String username = null;
        String password = null;
        PaymentReport orderResult = null;
        for (String name = body.nextName(); name != null; name = body.nextName()) {
            body.nextToken();
            switch (name) {
                case "username" -> username = JsonFields.string(body, name);
                case "password" -> password = JsonFields.string(body, name);
                case "orderResultRequest" -> orderResult = orderResult(body);
                default -> body.skipChildren();
            }
        }
        return new CompleteRequest(
                JsonFields.required(username, "username"),
                JsonFields.required(password, "password"),
                JsonFields.required(orderResult, "orderResultRequest"));
    }

    private static PaymentReport orderResult(JsonParser body) {
        JsonFields.object(body, "orderResultRequest");
        String orderNumber = null;
        String referenceNumber = null;
        String staffId = null;
        boolean success = true;
        for (String name = body.nextName(); name != null; name = body.nextName()) {
            body.nextToken();
            switch (name) {
                case "orderNumber" -> orderNumber = JsonFields.identifier(body, name);
                case "referenceNumber" -> referenceNumber = JsonFields.nonBlankIdentifier(body, name);
                case "staffId" -> staffId = JsonFields.nonBlankIdentifier(body, name);
                case "success" -> success = JsonFields.bool(body, name);
                default -> body.skipChildren();
            }
        }
        return new PaymentReport(
                JsonFields.required(orderNumber, "orderNumber"),
                JsonFields.required(referenceNumber, "referenceNumber"),
                JsonFields.required(staffId, "staffId"),
                success);
    }
}
