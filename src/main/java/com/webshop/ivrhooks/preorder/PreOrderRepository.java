package com.webshop.ivrhooks.preorder;

import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.config.RedisScripts;
import java.util.List;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Reads what the checkout wrote: the order index and the session document. */
@Repository
class PreOrderRepository {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOOKUP =
            RedisScripts.load("order-lookup.lua", List.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    PreOrderRepository(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The transaction and the order index share a hash slot, so one script reads both. */
    OrderLookup lookup(String orderNumber) {
        List<?> found = redis.execute(LOOKUP, List.of(keys.transaction(orderNumber), keys.order(orderNumber),
                keys.published(orderNumber)));
        return new OrderLookup((String) found.get(0), (String) found.get(1), "1".equals(found.get(2)));
    }

    /** The raw UTF-8 session document, or null when the checkout has none under this id. */
    byte[] sessionDocument(String sessionId) {
        byte[] key = keys.session(sessionId).getBytes(UTF_8);
        return redis.execute((RedisCallback<byte[]>) connection -> get(connection, key));
    }

    private static byte[] get(RedisConnection connection, byte[] key) {
        return connection.stringCommands().get(key);
    }
}
