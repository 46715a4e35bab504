package com.webshop.ivrhooks.hooks;

import tools.jackson.core.JsonParser;

/** {@code {"username", "password", "orderNumber"}}; unknown fields are ignored. */
record PreOrderRequest(String username, String password, String orderNumber) {

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
}
