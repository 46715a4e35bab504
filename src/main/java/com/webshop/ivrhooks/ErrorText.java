package com.webshop.ivrhooks;

/**
 * Every error text a hook can answer with, character for character as the API document (and our
 * additions to it) spells them.
 */
public enum ErrorText {

    INPUT_INVALID("Input invalid"),
    USER_INVALID("User invalid"),
    ORDER_NUMBER_INVALID("Order number invalid"),
    ORDER_NOT_FOUND("Order not found"),
    PRE_ORDER_NOT_FOUND("Order Not Found"),
    PAYMENT_OPTION_NULL("PaymentOption is null"),
    PAYMENT_OPTION_NOT_VALID("PaymentOption is not valid for IVR payment"),
    BASKET_CHANGED("Basket Changed"),
    SUCCESS_MUST_BE_TRUE("Success must be true"),
    ORDER_ALREADY_PAID("Order already paid"),
    REFERENCE_ALREADY_USED("Reference number already used"),
    SERVICE_UNAVAILABLE("Service unavailable"),
    TOO_MANY_FAILED_ATTEMPTS("Too many failed attempts");

    private final String text;

    ErrorText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
