package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.JsonTokens;
import com.webshop.ivrhooks.config.JsonTokens.Names;
import com.webshop.ivrhooks.config.JsonTokens.Unusual;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** {@code {"username", "password", "orderNumber"}}; unknown fields are ignored. */
record PreOrderRequest(String username, String password, String orderNumber) {

    private static final Names FIELDS = new Names("username", "password", "orderNumber");

    /**
     * Reads the body's object as the vendor writes it, all three fields strings, with the tokens on
     * its start; anything else is {@link Unusual}, for {@link #read(JsonParser)} to answer.
     */
    static PreOrderRequest readUsual(JsonTokens body) {
        String username = null;
        String password = null;
        String orderNumber = null;
        for (String name = body.nextName(FIELDS); name != null; name = body.nextName(FIELDS)) {
            JsonToken token = body.nextToken();
            switch (name) {
                case "username" -> username = usualString(body, token);
                case "password" -> password = usualString(body, token);
                case "orderNumber" -> orderNumber = usualString(body, token);
                default -> body.skipChildren();
            }
        }
        if (username == null || password == null || orderNumber == null) {
            throw Unusual.INSTANCE;
        }
        return new PreOrderRequest(username, password, JsonFields.identifier(orderNumber, "orderNumber"));
    }

    /** Reads the body's object, with the parser on its start. */
    static PreOrderRequest read(JsonParser body) {
        String username = null;
        String password = null;
        String orderNumber = null;
        for (String name = body.nextName(); name != null; name = body.nextName()) {
            body.nextToken();
            switch (name) {
                case "username" -> username = JsonFields.string(body, name);
                case "password" -> password = JsonFields.string(body, name);
                case "orderNumber" -> orderNumber = JsonFields.identifier(body, name);
                default -> body.skipChildren();
            }
        }
        return new PreOrderRequest(
                JsonFields.required(username, "username"),
                JsonFields.required(password, "password"),
                JsonFields.required(orderNumber, "orderNumber"));
    }

    private static String usualString(JsonTokens body, JsonToken token) {
        if (token != JsonToken.VALUE_STRING) {
            throw Unusual.INSTANCE;
        }
        return body.getString();
    }
}
