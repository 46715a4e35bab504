package com.webshop.ivrhooks.hooks;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Strict reads of request fields off the token stream, each with the parser on the field's value:
 * a missing field, {@code null} or another JSON type is invalid input.
 */
final class JsonFields {

    static final int MAX_IDENTIFIER_LENGTH = 128;

    private JsonFields() {}

    static String string(JsonParser parser, String field) {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(field + " must be a string");
        }
        return parser.getString();
    }

    /** An order number, reference number or staff id: bounded, and safe to put in a key or a log line. */
    static String identifier(JsonParser parser, String field) {
        return identifier(string(parser, field), field);
    }

    static String identifier(String value, String field) {
        if (value.length() > MAX_IDENTIFIER_LENGTH || hasControlCharacter(value)) {
            throw new InvalidInputException(field + " is too long or has control characters");
        }
        return value;
    }

    static String nonBlankIdentifier(JsonParser parser, String field) {
        String value = identifier(parser, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field + " is blank");
        }
        return value;
    }

    static boolean bool(JsonParser parser, String field) {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw new InvalidInputException(field + " must be a boolean");
        };
    }

    static void object(JsonParser parser, String field) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidInputException(field + " must be an object");
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field + " is missing");
        }
        return value;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
