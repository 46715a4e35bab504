package com.webshop.ivrhooks.hooks;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a hook call was about and how it ended, for its log line and timer: made by {@link
 * HookCallFilter} for each call and kept on the request as one attribute, which the hook and the
 * exception handler fill in. One attribute rather than one per value, as Tomcat copies its list of
 * listeners on every attribute set.
 */
final class HookCall {

    private static final String ATTRIBUTE = HookCall.class.getName();

    private String orderNumber;
    private String referenceNumber;
    private Result result;

    private HookCall() {}

    /** A new call, kept on the request. */
    static HookCall start(HttpServletRequest request) {
        HookCall call = new HookCall();
        request.setAttribute(ATTRIBUTE, call);
        return call;
    }

    static void describe(HttpServletRequest request, String orderNumber, String referenceNumber) {
        if (request.getAttribute(ATTRIBUTE) instanceof HookCall call) {
            call.orderNumber = orderNumber;
            call.referenceNumber = referenceNumber;
        }
    }

    static void ended(HttpServletRequest request, Result result) {
        if (request.getAttribute(ATTRIBUTE) instanceof HookCall call) {
            call.result = result;
        }
    }

    String orderNumber() {
        return orderNumber;
    }

    String referenceNumber() {
        return referenceNumber;
    }

    /** The envelope's result, or null for a request that got none (a GET, say). */
    Result result() {
        return result;
    }
}
