package com.webshop.ivrhooks.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
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
    // one timer per endpoint and outcome, both bounded sets; looked up here, not rebuilt per call
    private final Map<String, Timer> preOrderTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> completeTimers = new ConcurrentHashMap<>();

    private final boolean valuesInMessage;

    HookCallFilter(MeterRegistry meters, Environment environment) {
        this.meters = meters;
        // structured lines carry the values as fields of their own; writing them twice was the
        // largest single cost of a call in the benchmark's profile
        this.valuesInMessage = !environment.containsProperty("logging.structured.format.console");
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
            boolean complete = request.getRequestURI().startsWith("/hooks/ivr/complete");
            String endpoint = complete ? "complete" : "pre_order";
            String outcome = outcome(request, response);
            (complete ? completeTimers : preOrderTimers)
                    .computeIfAbsent(outcome, key -> timer(endpoint, key))
                    .record(duration);
            logCall(requestId, endpoint, outcome, duration, request);
        }
    }

    private Timer timer(String endpoint, String outcome) {
        return Timer.builder("ivr.hook.requests")
                .description("IVR hook calls by endpoint and outcome")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    private void logCall(String requestId, String endpoint, String outcome, Duration duration,
            HttpServletRequest request) {
        Object orderNumber = request.getAttribute(HookCall.ORDER_NUMBER);
        Object referenceNumber = request.getAttribute(HookCall.REFERENCE_NUMBER);
        if (!valuesInMessage) {
            log.atInfo()
                    .addKeyValue("endpoint", endpoint)
                    .addKeyValue("orderNumber", orderNumber)
                    .addKeyValue("referenceNumber", referenceNumber)
                    .addKeyValue("outcome", outcome)
                    .addKeyValue("durationMs", duration.toMillis())
                    .addKeyValue("requestId", requestId)
                    .log("hook call");
            return;
        }
        log.info("hook call endpoint={} orderNumber={} referenceNumber={} outcome='{}' durationMs={} requestId={}",
                endpoint, orderNumber, referenceNumber, outcome, duration.toMillis(), requestId);
    }

    /** "success", the errortext, or the HTTP status for a request that got no envelope (e.g. a GET). */
    private static String outcome(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(HookCall.RESULT) instanceof Result result) {
            return result.success() ? "success" : result.errorText();
        }
        return "http_" + response.getStatus();
    }

    /**
     * A generated id only has to be unique, not unguessable: a random version-4 UUID from the
     * thread's generator, without {@link UUID#randomUUID()}'s shared SecureRandom.
     */
    private static String requestId(String given) {
        if (given != null && SAFE_REQUEST_ID.matcher(given).matches()) {
            return given;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xCL << 60)) | (0x8L << 60);
        return new UUID(high, low).toString();
    }
}
