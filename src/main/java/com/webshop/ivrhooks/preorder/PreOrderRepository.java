package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.config.RedisScripts;
import com.webshop.ivrhooks.config.UntimedRedis;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
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

    /** The transaction and the order index share a hash slot, so one script reads both. */
    OrderLookup lookup(String orderNumber) {
        byte[][] lookupKeys = RedisKeys.bytes(keys.transaction(orderNumber), keys.order(orderNumber),
                keys.published(orderNumber));
        List<byte[]> found = UntimedRedis.call(redis,
                commands -> UntimedRedis.script(commands, LOOKUP, ScriptOutputType.MULTI, lookupKeys));
        return new OrderLookup(orderNumber, string(found.get(0)), string(found.get(1)),
                "1".equals(string(found.get(2))));
    }

    /** The raw UTF-8 session document, or null when the checkout has none under this id. */
    byte[] sessionDocument(String sessionId) {
        byte[] key = RedisKeys.bytes(keys.session(sessionId));
        return UntimedRedis.call(redis, commands -> commands.get(key));
    }

    private static String string(byte[] value) {
        return value == null ? null : new String(value, UTF_8);
    }
}
