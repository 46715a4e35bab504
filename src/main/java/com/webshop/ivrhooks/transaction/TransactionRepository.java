package com.webshop.ivrhooks.transaction;

import com.webshop.ivrhooks.config.IvrProperties;
import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.config.RedisScripts;
import com.webshop.ivrhooks.config.UntimedRedis;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Writes transactions and rejections. Transaction keys never get a TTL.
 *
 * <p>On a standalone or Sentinel-managed Redis one script records a payment: its transaction hash,
 * its reference number claim and its stream entry, atomically. Redis Cluster (or a sharding proxy,
 * with {@code ivr.redis.single-slot-scripts}) keeps those keys in different hash slots, so there the
 * same is done in steps that are each atomic in one slot: claim the reference, claim the order,
 * publish. A replay of the complete finishes a publish that a crash interrupted.
 */
@Repository
class TransactionRepository {

    /** How far back a repair looks for a stream entry that was written before the crash. */
    static final int REPAIR_LOOKBACK = 1000;

    /** The published marker's value while a stream entry is being written; the scripts use it too. */
    private static final String PENDING = "pending";

    private static final RedisScript<String> RECORD = RedisScripts.load("record-transaction.lua", String.class);
    private static final RedisScript<String> CLAIM_REFERENCE = RedisScripts.load("claim-reference.lua", String.class);
    private static final RedisScript<Long> RELEASE_REFERENCE =
            RedisScripts.load("release-reference.lua", Long.class);
    private static final RedisScript<String> CLAIM_ORDER = RedisScripts.load("claim-order.lua", String.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final boolean inSteps;
    private final Duration publishLease;
    private final int waitReplicas;
    private final Duration waitTimeout;
    private final Duration commandTimeout;

    TransactionRepository(StringRedisTemplate redis, RedisKeys keys, IvrProperties properties,
            DataRedisProperties redisProperties) {
        this.redis = redis;
        this.keys = keys;
        this.inSteps = properties.redis().singleSlotScripts()
                || redis.getConnectionFactory() instanceof LettuceConnectionFactory factory && factory.isClusterAware();
        this.publishLease = properties.redis().publishLease();
        this.waitReplicas = properties.redis().waitReplicas();
        this.waitTimeout = properties.redis().waitTimeout();
        this.commandTimeout = Objects.requireNonNullElse(redisProperties.getTimeout(), Duration.ofSeconds(60));
        if (inSteps && waitReplicas > 0) {
            throw new IllegalStateException(
                    "ivr.redis.wait-replicas needs the one-step script: not on Redis Cluster or with ivr.redis.single-slot-scripts");
        }
    }

    /** Records the payment exactly once, however many replicas race to record it. */
    RecordResult record(Transaction transaction) {
        return inSteps ? recordInSteps(transaction) : recordAtOnce(transaction);
    }

    private RecordResult recordAtOnce(Transaction transaction) {
        String order = transaction.orderNumber();
        byte[][] keyBytes = RedisKeys.bytes(
                keys.transaction(order),
                keys.reference(transaction.referenceNumber()),
                keys.transactionStream(),
                keys.published(order));
        byte[][] argumentBytes = RedisKeys.bytes(leaseAndFields(transaction));
        String result = waitReplicas == 0
                ? record(keyBytes, argumentBytes)
                : recordAndWaitForReplicas(keyBytes, argumentBytes, order);
        if ("REPAIR".equals(result)) {
            repair(order);
            return RecordResult.REPLAYED;
        }
        return RecordResult.valueOf(result);
    }

    private RecordResult recordInSteps(Transaction transaction) {
        String order = transaction.orderNumber();
        String referenceKey = keys.reference(transaction.referenceNumber());
        String claim = redis.execute(CLAIM_REFERENCE, List.of(referenceKey), order);
        if ("USED".equals(claim)) {
            return RecordResult.REFERENCE_ALREADY_USED;
        }
        String result = redis.execute(CLAIM_ORDER, List.of(keys.transaction(order), keys.published(order)),
                leaseAndFields(transaction));
        return switch (Objects.requireNonNull(result)) {
            case "RECORDED" -> {
                publish(order, transaction.fieldMap());
                yield RecordResult.RECORDED;
            }
            case "REPAIR" -> {
                repair(order);
                yield RecordResult.REPLAYED;
            }
            case "REPLAYED" -> RecordResult.REPLAYED;
            case "ORDER_ALREADY_PAID" -> {
                if ("CLAIMED".equals(claim)) {
                    redis.execute(RELEASE_REFERENCE, List.of(referenceKey), order);
                }
                yield RecordResult.ORDER_ALREADY_PAID;
            }
            default -> throw new IllegalStateException("claim-order.lua answered " + result);
        };
    }

    private String record(byte[][] keyBytes, byte[][] argumentBytes) {
        byte[] result = UntimedRedis.call(redis,
                commands -> UntimedRedis.script(commands, RECORD, ScriptOutputType.VALUE, keyBytes, argumentBytes));
        return new String(Objects.requireNonNull(result), StandardCharsets.UTF_8);
    }

    /**
     * Runs the script and then WAIT on a connection of their own, which Spring Data hands out for a
     * pipeline: WAIT blocks the connection it runs on, and counts the replicas that have the writes
     * made on that connection.
     */
    private String recordAndWaitForReplicas(byte[][] keyBytes, byte[][] argumentBytes, String orderNumber) {
        Object[] outcome = new Object[2];
        redis.executePipelined((RedisCallback<Object>) connection -> {
            @SuppressWarnings("unchecked")
            RedisAsyncCommands<byte[], byte[]> commands =
                    (RedisAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            RedisFuture<byte[]> result =
                    commands.eval(RECORD.getScriptAsString(), ScriptOutputType.VALUE, keyBytes, argumentBytes);
            RedisFuture<Long> acknowledged = commands.waitForReplication(waitReplicas, waitTimeout.toMillis());
            outcome[0] = new String(await(result), StandardCharsets.UTF_8);
            outcome[1] = await(acknowledged);
            return null;
        });
        String result = (String) outcome[0];
        long acknowledged = (Long) outcome[1];
        if ("RECORDED".equals(result) && acknowledged < waitReplicas) {
            throw new ReplicasNotAcknowledgedException("transaction for order " + orderNumber
                    + " is recorded but only " + acknowledged + " of " + waitReplicas
                    + " replicas acknowledged it within " + waitTimeout.toMillis() + " ms");
        }
        return result;
    }

    private <T> T await(RedisFuture<T> future) {
        try {
            return future.get(commandTimeout.plus(waitTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisSystemException("Interrupted while waiting for Redis", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RedisSystemException("Redis did not complete the command", e);
        }
    }

    /**
     * Publishes a recorded transaction whose publishing a crash interrupted, unless another call
     * holds the publish lease.
     */
    void ensurePublished(String orderNumber) {
        if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys.published(orderNumber), PENDING, publishLease))) {
            repair(orderNumber);
        }
    }

    private String[] leaseAndFields(Transaction transaction) {
        List<String> arguments = new ArrayList<>();
        arguments.add(String.valueOf(publishLease.toMillis()));
        arguments.addAll(transaction.fields());
        return arguments.toArray(String[]::new);
    }

    private void publish(String orderNumber, Map<String, String> fields) {
        MapRecord<String, String, String> entry = StreamRecords.newRecord()
                .in(keys.transactionStream())
                .ofMap(fields);
        String id = Objects.requireNonNull(redis.opsForStream().add(entry)).getValue();
        redis.opsForValue().set(keys.published(orderNumber), id);
    }

    /** Publishes the stored transaction, unless the entry was written just before the crash. */
    private void repair(String orderNumber) {
        Map<Object, Object> stored = redis.opsForHash().entries(keys.transaction(orderNumber));
        List<MapRecord<String, Object, Object>> recent = redis.opsForStream()
                .reverseRange(keys.transactionStream(), Range.unbounded(), Limit.limit().count(REPAIR_LOOKBACK));
        for (MapRecord<String, Object, Object> entry : recent) {
            if (stored.equals(entry.getValue())) {
                redis.opsForValue().set(keys.published(orderNumber), entry.getId().getValue());
                return;
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        stored.forEach((field, value) -> fields.put((String) field, (String) value));
        publish(orderNumber, fields);
    }

    void recordRejection(Rejection rejection) {
        redis.opsForStream().add(StreamRecords.newRecord()
                .in(keys.rejectionStream())
                .ofMap(rejection.fields()));
    }
}
