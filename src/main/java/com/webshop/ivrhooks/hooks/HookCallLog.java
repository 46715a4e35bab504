package com.webshop.ivrhooks.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Writes each hook call's log line and records its timer sample on one background thread, every
 * 16 ms, for all the calls that ended meanwhile. On the request's own thread the line and the sample
 * cost the service 2 to 5 % more CPU at full load in the benchmark: the logging and metric code ran
 * cold once per call, among a great deal of other code, and its locks and counters were shared by
 * both cores. A line's {@code @timestamp} is therefore when it is written, up to 16 ms after
 * the call ended; its fields are the call's own.
 *
 * <p>Nothing is dropped. When more than {@value #MAX_PENDING} calls are waiting (standard output is
 * not being read, say), a call writes its own line, as it did before. When the application context
 * closes, after the web server has finished its calls, whatever is left is written.
 */
@Component
class HookCallLog implements DisposableBean {

    static final int MAX_PENDING = 10_000;
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    // the line keeps the logger it always had, so existing level settings still apply
    private static final Logger log = LoggerFactory.getLogger(HookCallFilter.class);

    /** A finished call, as its log line and timer need it. */
    record Call(String endpoint, String orderNumber, String referenceNumber, String outcome, long durationNanos,
            String requestId) {}

    private final MeterRegistry meters;
    private final boolean valuesInMessage;
    // one timer per endpoint and outcome, both bounded sets; looked up here, not rebuilt per call
    private final Map<String, Timer> preOrderTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> completeTimers = new ConcurrentHashMap<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Thread writer;
    private volatile boolean closed;

    HookCallLog(MeterRegistry meters, Environment environment) {
        this.meters = meters;
        // structured lines carry the values as fields of their own; writing them twice was the
        // largest single cost of a call in the benchmark's profile
        this.valuesInMessage = !environment.containsProperty("logging.structured.format.console");
        this.writer = Thread.ofPlatform().name("hook-call-log").daemon().start(this::writeLoop);
    }

    void add(Call call) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            write(call);
            return;
        }
        calls.add(call);
        if (closed) {
            drain();
        } else if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            // the writer parks for good only after a pause without calls; under load it wakes on its own
            LockSupport.unpark(writer);
        }
    }

    /** Writes what is waiting; later calls write their own lines. */
    @Override
    public void destroy() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    private void writeLoop() {
        while (!closed) {
            LockSupport.parkNanos(PAUSE_NANOS);
            if (drain() == 0) {
                sleeping.set(true);
                // a call added before the flag was set is seen here; one added after it unparks
                while (calls.isEmpty() && sleeping.get() && !closed) {
                    LockSupport.park(this);
                }
                sleeping.set(false);
            }
        }
    }

    private int drain() {
        int written = 0;
        for (Call call = calls.poll(); call != null; call = calls.poll()) {
            pending.decrementAndGet();
            try {
                write(call);
            } catch (RuntimeException e) {
                // one broken line must not end the writer; the rest are still written
                log.error("Hook call line not written: {}", e.toString());
            }
            written++;
        }
        return written;
    }

    private void write(Call call) {
        (call.endpoint().equals("complete") ? completeTimers : preOrderTimers)
                .computeIfAbsent(call.outcome(), outcome -> timer(call.endpoint(), outcome))
                .record(call.durationNanos(), TimeUnit.NANOSECONDS);
        long durationMs = TimeUnit.NANOSECONDS.toMillis(call.durationNanos());
        if (!valuesInMessage) {
            log.atInfo()
                    .addKeyValue("endpoint", call.endpoint())
                    .addKeyValue("orderNumber", call.orderNumber())
                    .addKeyValue("referenceNumber", call.referenceNumber())
                    .addKeyValue("outcome", call.outcome())
                    .addKeyValue("durationMs", durationMs)
                    .addKeyValue("requestId", call.requestId())
                    .log("hook call");
            return;
        }
        log.info("hook call endpoint={} orderNumber={} referenceNumber={} outcome='{}' durationMs={} requestId={}",
                call.endpoint(), call.orderNumber(), call.referenceNumber(), call.outcome(), durationMs,
                call.requestId());
    }

    private Timer timer(String endpoint, String outcome) {
        return Timer.builder("ivr.hook.requests")
                .description("IVR hook calls by endpoint and outcome")
                .tag("endpoint", endpoint)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }
}
