package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.config.RedisKeys;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/** Writes transactions and rejections. Transaction keys never get a TTL. */
@Repository
class TransactionRepository {

    private static final RedisScript<String> RECORD =
            RedisScript.of(new ClassPathResource("scripts/record-transaction.lua"), String.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    TransactionRepository(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * Claims the order and the reference number and publishes the transaction in one atomic script,
     * so concurrent completes on any number of replicas record it exactly once.
     */
    RecordResult record(Transaction transaction) {
        List<String> keyList = List.of(
                keys.transaction(transaction.orderNumber()),
                keys.reference(transaction.referenceNumber()),
                keys.transactionStream());
        String result = redis.execute(RECORD, keyList, transaction.fields().toArray());
        return RecordResult.valueOf(result);
    }

    void recordRejection(Rejection rejection) {
        redis.opsForStream().add(StreamRecords.newRecord()
                .in(keys.rejectionStream())
                .ofMap(rejection.fields()));
    }
}
