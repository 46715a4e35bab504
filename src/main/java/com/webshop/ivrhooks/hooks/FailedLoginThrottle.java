package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties;
import com.webshop.ivrhooks.config.RedisKeys;
import com.webshop.ivrhooks.config.RedisScripts;
import com.webshop.ivrhooks.config.UntimedRedis;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * Counts failed credential checks per client address in Redis, so every replica sees the same
 * count, and the count expires by itself when its window has passed.
 */
@Component
class FailedLoginThrottle {

    private static final RedisScript<Long> RECORD_FAILURE =
            RedisScripts.load("record-failed-login.lua", Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final IvrProperties.LoginThrottle settings;

    FailedLoginThrottle(StringRedisTemplate redis, RedisKeys keys, IvrProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.settings = properties.loginThrottle();
    }

    /** Sends the read of the address's failure count, without waiting for the answer. */
    CompletableFuture<byte[]> readFailures(String clientAddress) {
        byte[] key = RedisKeys.bytes(keys.failedLogins(clientAddress));
        return UntimedRedis.send(redis, commands -> commands.get(key));
    }

    /** Whether the failure count from {@link #readFailures} locks the address out. */
    boolean isLockedOut(CompletableFuture<byte[]> failureCount) {
        byte[] failures = UntimedRedis.await(redis, failureCount);
        return failures != null && Long.parseLong(new String(failures, US_ASCII)) >= settings.maxFailures();
    }

    /** @return whether this failure locked the address out */
    boolean recordFailure(String clientAddress) {
        Long failures = redis.execute(RECORD_FAILURE, List.of(keys.failedLogins(clientAddress)),
                String.valueOf(settings.window().toMillis()));
        return failures != null && failures == settings.maxFailures();
    }
}
