package com.webshop.ivrhooks.hooks;

import jakarta.servlet.http.HttpServletRequest;

/** What a hook call was about and how it ended, kept on the request for its log line and metrics. */
final class HookCall {

    static final String ORDER_NUMBER = HookCall.class.getName() + ".orderNumber";
    static final String REFERENCE_NUMBER = HookCall.class.getName() + ".referenceNumber";
    static final String RESULT = HookCall.class.getName() + ".result";

    private HookCall() {}

    static void describe(HttpServletRequest request, String orderNumber, String referenceNumber) {
        request.setAttribute(ORDER_NUMBER, orderNumber);
        request.setAttribute(REFERENCE_NUMBER, referenceNumber);
    }
}
