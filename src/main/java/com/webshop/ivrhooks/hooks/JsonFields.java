package com.webshop.ivrhooks.hooks;

import tools.jackson.databind.JsonNode;

/** Strict reads of request fields: a missing field, {@code null} or another JSON type is invalid input. */
final class JsonFields {

    static final int MAX_IDENTIFIER_LENGTH = 128;

    private JsonFields() {}

    static String string(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isString()) {
            throw new InvalidInputException(field + " must be a string");
        }
        return value.stringValue();
    }

    /** An order number, reference number or staff id: bounded, and safe to put in a key or a log line. */
    static String identifier(JsonNode object, String field) {
        String value = string(object, field);
        if (value.length() > MAX_IDENTIFIER_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field + " is too long or has control characters");
        }
        return value;
    }

    static String nonBlankIdentifier(JsonNode object, String field) {
        String value = identifier(object, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field + " is blank");
        }
        return value;
    }

    static JsonNode object(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidInputException(field + " must be an object");
        }
        return value;
    }

    static boolean optionalBoolean(JsonNode object, String field, boolean whenAbsent) {
        JsonNode value = object.get(field);
        if (value == null) {
            return whenAbsent;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(field + " must be a boolean");
        }
        return value.booleanValue();
    }
}
