package com.webshop.ivrhooks.hooks;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The two envelopes; every answer of a hook is one of them, always with HTTP 200. */
sealed interface HookResponse permits PreOrderResponse, CompleteResponse {

    Result result();

    /**
     * For the exception handler, whose answers go through Spring's converters: JSON whatever the
     * caller's Accept header says, so the vendor gets an envelope, never a 406. The result is noted
     * on the request for the call's log line and timer. The hooks' own answers are sent by
     * {@link HookResponseConverter#send}.
     */
    default ResponseEntity<HookResponse> asJson(HttpServletRequest request) {
        HookCall.ended(request, result());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this);
    }
}
