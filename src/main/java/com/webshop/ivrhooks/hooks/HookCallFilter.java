package com.webshop.ivrhooks.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line and one timer sample per hook call, with the caller's {@code X-Request-Id} (or a
 * generated one) echoed back. Never the body, never a password.
 */
@Component
class HookCallFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(HookCallFilter.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final MeterRegistry meters;

    HookCallFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/hooks/ivr/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = requestId(request.getHeader(REQUEST_ID));
        response.setHeader(REQUEST_ID, requestId);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            String endpoint = request.getRequestURI().startsWith("/hooks/ivr/complete") ? "complete" : "pre_order";
            String outcome = outcome(request, response);
            Timer.builder("ivr.hook.requests")
                    .description("IVR hook calls by endpoint and outcome")
                    .tag("endpoint", endpoint)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(duration);
            logCall(requestId, endpoint, outcome, duration, request);
        }
    }

    private static void logCall(String requestId, String endpoint, String outcome, Duration duration,
            HttpServletRequest request) {
        Object orderNumber = request.getAttribute(HookCall.ORDER_NUMBER);
        Object referenceNumber = request.getAttribute(HookCall.REFERENCE_NUMBER);
        log.atInfo()
                .addKeyValue("endpoint", endpoint)
                .addKeyValue("orderNumber", orderNumber)
                .addKeyValue("referenceNumber", referenceNumber)
                .addKeyValue("outcome", outcome)
                .addKeyValue("durationMs", duration.toMillis())
                .addKeyValue("requestId", requestId)
                .log("hook call endpoint={} orderNumber={} referenceNumber={} outcome='{}' durationMs={} requestId={}",
                        endpoint, orderNumber, referenceNumber, outcome, duration.toMillis(), requestId);
    }

    /** "success", the errortext, or the HTTP status for a request that got no envelope (e.g. a GET). */
    private static String outcome(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(HookCall.RESULT) instanceof Result result) {
            return result.success() ? "success" : result.errorText();
        }
        return "http_" + response.getStatus();
    }

    private static String requestId(String given) {
        return given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
