package com.webshop.ivrhooks.hooks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * One log line and one timer sample per hook call ({@link HookCallLog}), with the caller's
 * {@code X-Request-Id} (or a generated one) echoed back. Never the body, never a password.
 *
 * <p>A plain filter, which Spring Boot maps to the request dispatch only: the hooks are never
 * forwarded, included or dispatched again, so Spring's once-per-request bookkeeping (a request
 * attribute named, set and removed on every call) would only cost.
 */
@Component
class HookCallFilter extends HttpFilter {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final HookCallLog calls;

    HookCallFilter(HookCallLog calls) {
        this.calls = calls;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (!uri.startsWith("/hooks/ivr/")) {
            chain.doFilter(request, response);
            return;
        }
        String endpoint = uri.startsWith("/hooks/ivr/complete") ? "complete" : "pre_order";
        String requestId = requestId(request.getHeader(REQUEST_ID));
        response.setHeader(REQUEST_ID, requestId);
        HookCall call = HookCall.start(request);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long duration = System.nanoTime() - start;
            calls.add(new HookCallLog.Call(endpoint, call.orderNumber(), call.referenceNumber(),
                    outcome(call, response), duration, requestId));
        }
    }

    /** "success", the errortext, or the HTTP status for a request that got no envelope (e.g. a GET). */
    private static String outcome(HookCall call, HttpServletResponse response) {
        Result result = call.result();
        if (result != null) {
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
