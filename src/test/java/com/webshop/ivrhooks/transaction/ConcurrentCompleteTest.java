package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.IvrHooksApplication;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Range;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly one transaction per order, whatever the vendor's retries and races. */
class ConcurrentCompleteTest extends AbstractIntegrationTest {

    private static final String ORDER = "ORD-RACE-1";

    private record Call(String orderNumber, String referenceNumber, int port) {}

    private record Answer(Call call, boolean success, String errorText) {}

    /** Fires all calls at once from 32 threads, released together by a latch. */
    private List<Answer> fireTogether(List<Call> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Call call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    var json = hook().port(call.port()).body(completeBody(call.orderNumber(), call.referenceNumber()))
                            .post(COMPLETE).then().statusCode(200).extract().jsonPath();
                    return new Answer(call, json.getBoolean("orderResultResponse.result.success"),
                            json.getString("orderResultResponse.result.errortext"));
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    private long streamLength(String key) {
        return redis.opsForStream().range(key, Range.unbounded()).size();
    }

    @Test
    void shouldRecordExactlyOnceAmongHundredConcurrentCompletes() throws Exception {
        raceHundredCompletes(port, port);
    }

    @Test
    void shouldRecordExactlyOnceAcrossTwoServiceInstancesOnOneRedis() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IvrHooksApplication.class).run(
                "--server.port=0", redisArgument(),
                "--ivr.username=" + USERNAME, "--ivr.password=" + PASSWORD)) {
            raceHundredCompletes(port, Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
        }
    }

    /** Ten references, ten calls each, spread over the given instances and fired at once. */
    private void raceHundredCompletes(int... ports) throws Exception {
        seedPreOrder(ORDER, "sess-race", SessionDocuments.standard(ORDER));
        List<Call> calls = new ArrayList<>();
        for (int reference = 0; reference < 10; reference++) {
            for (int repeat = 0; repeat < 10; repeat++) {
                calls.add(new Call(ORDER, "REF-" + reference, ports[repeat % ports.length]));
            }
        }
        Collections.shuffle(calls);

        List<Answer> answers = fireTogether(calls);

        String winner = (String) redis.opsForHash().get(keys.transaction(ORDER), "referenceNumber");
        assertThat(winner).startsWith("REF-");
        assertThat(streamLength(keys.transactionStream())).isEqualTo(1);
        for (Answer answer : answers) {
            if (answer.call().referenceNumber().equals(winner)) {
                assertThat(answer.success()).as("retry of the winning reference").isTrue();
            } else {
                assertThat(answer.errorText()).isEqualTo("Order already paid");
            }
        }
        assertThat(streamLength(keys.rejectionStream())).isEqualTo(90);
        assertThat(redis.keys(keys.reference("*"))).containsExactly(keys.reference(winner));
    }

    @Test
    void shouldAnswerSuccessToEveryConcurrentRetryOfOnePayment() throws Exception {
        seedPreOrder(ORDER, "sess-race", SessionDocuments.standard(ORDER));

        List<Answer> answers = fireTogether(Collections.nCopies(50, new Call(ORDER, "REF-ONLY", port)));

        assertThat(answers).allMatch(Answer::success);
        assertThat(streamLength(keys.transactionStream())).isEqualTo(1);
        assertThat(streamLength(keys.rejectionStream())).isZero();
    }

    @Test
    void shouldLetOneReferencePayOnlyOneOfTwoRacingOrders() throws Exception {
        seedPreOrder("ORD-A", "sess-a", SessionDocuments.standard("ORD-A"));
        seedPreOrder("ORD-B", "sess-b", SessionDocuments.standard("ORD-B"));
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(new Call("ORD-A", "REF-SHARED", port));
            calls.add(new Call("ORD-B", "REF-SHARED", port));
        }

        List<Answer> answers = fireTogether(calls);

        String paidOrder = redis.opsForValue().get(keys.reference("REF-SHARED"));
        assertThat(paidOrder).isIn("ORD-A", "ORD-B");
        String otherOrder = paidOrder.equals("ORD-A") ? "ORD-B" : "ORD-A";
        assertThat(redis.hasKey(keys.transaction(otherOrder))).isFalse();
        assertThat(streamLength(keys.transactionStream())).isEqualTo(1);
        for (Answer answer : answers) {
            if (answer.call().orderNumber().equals(paidOrder)) {
                assertThat(answer.success()).isTrue();
            } else {
                assertThat(answer.errorText()).isEqualTo("Reference number already used");
            }
        }
    }
}
