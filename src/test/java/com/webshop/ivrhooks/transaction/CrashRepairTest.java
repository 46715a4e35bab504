package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The states a crash between the steps of recording can leave behind (on Redis Cluster the steps
 * are separate), and how a replay of the complete repairs each: the transaction gets its stream
 * entry, and no second one.
 */
@TestPropertySource(properties = "ivr.redis.publish-lease=1s")
class CrashRepairTest extends AbstractIntegrationTest {

    private static final String ORDER = "ORD-CRASH-1";
    private static final String REFERENCE = "REF-CRASH-1";

    @BeforeEach
    void seed() {
        seedPreOrder(ORDER, "sess-crash", SessionDocuments.standard(ORDER));
    }

    private List<MapRecord<String, Object, Object>> entries() {
        return redis.opsForStream().range(keys.transactionStream(), Range.unbounded());
    }

    private void replay() {
        complete(ORDER, REFERENCE).body("orderResultResponse.result.success", equalTo(true));
    }

    private Map<Object, Object> recordThenLoseTheStreamEntry() {
        replay();
        redis.delete(List.of(keys.transactionStream(), keys.published(ORDER)));
        return redis.opsForHash().entries(keys.transaction(ORDER));
    }

    @Test
    void shouldPublishATransactionWhoseStreamEntryWasNeverWritten() {
        Map<Object, Object> stored = recordThenLoseTheStreamEntry();

        replay();
        replay();

        assertThat(entries()).hasSize(1);
        assertThat(entries().getFirst().getValue()).isEqualTo(stored);
        assertThat(redis.opsForValue().get(keys.published(ORDER))).isEqualTo(entries().getFirst().getId().getValue());
    }

    @Test
    void shouldNotPublishAgainWhenOnlyThePublishedMarkWasLost() {
        replay();
        redis.delete(keys.published(ORDER));

        replay();

        assertThat(entries()).hasSize(1);
        assertThat(redis.opsForValue().get(keys.published(ORDER))).isEqualTo(entries().getFirst().getId().getValue());
    }

    @Test
    void shouldLeaveAPublishInProgressAloneUntilItsLeaseRunsOut() throws InterruptedException {
        recordThenLoseTheStreamEntry();
        redis.opsForValue().set(keys.published(ORDER), "pending", Duration.ofSeconds(1));

        replay();
        assertThat(entries()).isEmpty();

        Thread.sleep(1_200);
        replay();
        assertThat(entries()).hasSize(1);
    }

    @Test
    void shouldRecordWhenOnlyTheReferenceWasClaimedBeforeTheCrash() {
        redis.opsForValue().set(keys.reference(REFERENCE), ORDER);

        replay();

        assertThat(redis.opsForHash().get(keys.transaction(ORDER), "referenceNumber")).isEqualTo(REFERENCE);
        assertThat(entries()).hasSize(1);
    }

    @Test
    void shouldNeverExpireThePublishedMark() {
        replay();

        assertThat(redis.getExpire(keys.published(ORDER))).isEqualTo(-1L);
    }
}
