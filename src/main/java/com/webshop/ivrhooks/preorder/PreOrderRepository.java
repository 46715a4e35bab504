package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.config.RedisScripts;
import com.webshop.ivrhooks.config.UntimedRedis;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Reads what the checkout wrote: the order index and the session document. */
@Repository
class PreOrderRepository {

    private static final RedisScript<?> LOOKUP = RedisScripts.load("order-lookup.lua", List.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    PreOrderRepository(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /**
     * The transaction and the order index share a hash slot, so one script reads both. The session
     * document lives in its own slot; it is asked for as soon as the script's answer arrives, on
     * Lettuce's event loop, so the caller waits once for both instead of waking up in between.
     */
    OrderLookup lookup(String orderNumber) {
        byte[][] lookupKeys = RedisKeys.bytes(keys.transaction(orderNumber), keys.order(orderNumber),
                keys.published(orderNumber));
        return UntimedRedis.call(redis, commands -> UntimedRedis
                .<List<byte[]>>script(commands, LOOKUP, ScriptOutputType.MULTI, lookupKeys)
                .thenCompose(found -> withSessionDocument(commands, orderNumber, found)));
    }

    private CompletionStage<OrderLookup> withSessionDocument(RedisClusterAsyncCommands<byte[], byte[]> commands,
            String orderNumber, List<byte[]> found) {
        String paidReference = string(found.get(0));
        String sessionId = string(found.get(1));
        boolean published = "1".equals(string(found.get(2)));
        if (paidReference != null || sessionId == null) {
            return CompletableFuture.completedFuture(
                    new OrderLookup(orderNumber, paidReference, sessionId, published, null));
        }
        return commands.get(RedisKeys.bytes(keys.session(sessionId)))
                .thenApply(document -> new OrderLookup(orderNumber, null, sessionId, published, document));
    }

    private static String string(byte[] value) {
        return value == null ? null : new String(value, UTF_8);
    }
}
