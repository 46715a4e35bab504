package com.webshop.ivrhooks.hooks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The call lines and timer samples that {@link HookCallLog} writes on its own thread: all of them, in order. */
class HookCallLogTest {

    private static final String OWN_REQUEST_ID = "req-hook-call-log-test-";

    private final Logger logger = (Logger) LoggerFactory.getLogger(HookCallFilter.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            // the service's contexts that other test classes left running log through the same logger
            if (!ownCall(event)) {
                return;
            }
            // fixes the thread's name now, on the thread that logs, as the console appender does
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HookCallLog log;

    @BeforeEach
    void captureLines() {
        lines.start();
        logger.addAppender(lines);
        // the test's 1 500 lines stay out of the build's output
        logger.setAdditive(false);
        log = new HookCallLog(meters, new MockEnvironment());
    }

    @AfterEach
    void release() {
        log.destroy();
        logger.setAdditive(true);
        logger.detachAppender(lines);
    }

    @Test
    void shouldWriteEveryCallInTheOrderTheCallsEnded() {
        IntStream.range(0, 500).forEach(i -> log.add(call("ORD-" + i, "success")));

        await().atMost(Duration.ofSeconds(5)).until(() -> written().size() == 500);
        assertThat(written()).extracting(ILoggingEvent::getFormattedMessage).element(499).asString()
                .startsWith("hook call endpoint=pre_order orderNumber=ORD-499 referenceNumber=null outcome='success'")
                .endsWith("durationMs=3 requestId=" + OWN_REQUEST_ID + "ORD-499");
        assertThat(written()).extracting(event -> event.getArgumentArray()[1])
                .containsExactlyElementsOf(IntStream.range(0, 500).mapToObj(i -> "ORD-" + i).toList());
        assertThat(written()).allMatch(event -> event.getThreadName().equals("hook-call-log"));
    }

    @Test
    void shouldRecordEachCallOnTheTimerOfItsEndpointAndOutcome() {
        log.add(call("ORD-1", "success"));
        log.add(call("ORD-2", "Order Not Found"));
        log.add(call("ORD-3", "Order Not Found"));

        await().atMost(Duration.ofSeconds(5)).until(() -> written().size() == 3);
        Timer notFound = meters.get("ivr.hook.requests").tags("endpoint", "pre_order", "outcome", "Order Not Found").timer();
        assertThat(notFound.count()).isEqualTo(2);
        assertThat(notFound.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.5);
    }

    @Test
    void shouldWakeAfterAQuietSpell() throws InterruptedException {
        log.add(call("ORD-1", "success"));
        await().atMost(Duration.ofSeconds(5)).until(() -> written().size() == 1);
        // long enough for the writer to find nothing and park until the next call
        Thread.sleep(100);

        log.add(call("ORD-2", "success"));

        await().atMost(Duration.ofSeconds(5)).until(() -> written().size() == 2);
    }

    @Test
    void shouldWriteWhatIsLeftWhenClosedAndEveryLaterCallAtOnce() throws InterruptedException {
        CountDownLatch added = new CountDownLatch(4);
        IntStream.range(0, 4).forEach(t -> Thread.ofVirtual().start(() -> {
            IntStream.range(0, 250).forEach(i -> log.add(call("ORD-" + t + "-" + i, "success")));
            added.countDown();
        }));
        assertThat(added.await(5, TimeUnit.SECONDS)).isTrue();

        log.destroy();

        assertThat(written()).hasSize(1000);
        log.add(call("ORD-LATE", "success"));
        assertThat(written()).hasSize(1001);
    }

    /** The lines so far: the appender adds them on the writer's thread, holding its own lock. */
    private List<ILoggingEvent> written() {
        synchronized (lines) {
            return List.copyOf(lines.list);
        }
    }

    private static HookCallLog.Call call(String orderNumber, String outcome) {
        return new HookCallLog.Call("pre_order", orderNumber, null, outcome, TimeUnit.MICROSECONDS.toNanos(3250),
                OWN_REQUEST_ID + orderNumber);
    }

    private static boolean ownCall(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        return arguments != null && arguments.length == 6 && arguments[5] instanceof String requestId
                && requestId.startsWith(OWN_REQUEST_ID);
    }
}
