package com.webshop.ivrhooks.hooks;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The two envelopes; every answer of a hook is one of them, always with HTTP 200. */
sealed interface HookResponse permits PreOrderResponse, CompleteResponse {

    Result result();

    /**
     * JSON whatever the caller's Accept header says: the vendor gets an envelope, never a 406. The
     * result is noted on the request for the call's log line and timer.
     */
    default ResponseEntity<HookResponse> asJson(HttpServletRequest request) {
        request.setAttribute(HookCall.RESULT, result());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this);
    }
}
