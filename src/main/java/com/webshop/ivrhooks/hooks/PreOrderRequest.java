package com.webshop.ivrhooks.hooks;

import tools.jackson.databind.JsonNode;

/** {@code {"username", "password", "orderNumber"}}; unknown fields are ignored. */
record PreOrderRequest(String username, String password, String orderNumber) {

    static PreOrderRequest from(JsonNode body) {
        return new PreOrderRequest(
                JsonFields.string(body, "username"),
                JsonFields.string(body, "password"),
                JsonFields.identifier(body, "orderNumber"));
    }
}
