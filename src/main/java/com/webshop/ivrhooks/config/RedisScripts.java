package com.webshop.ivrhooks.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.data.redis.core.script.RedisScript;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The Lua scripts in {@code resources/scripts}, read once. A script made from a classpath resource
 * asks the resource for its modification time on every call to decide whether to hash it again:
 * that was a tenth of the CPU of a hook call in the benchmark's profile.
 */
public final class RedisScripts {

    private RedisScripts() {}

    public static <T> RedisScript<T> load(String name, Class<T> resultType) {
        try (InputStream in = RedisScripts.class.getResourceAsStream("/scripts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No script scripts/" + name + " on the classpath");
            }
            return RedisScript.of(new String(in.readAllBytes(), UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read script scripts/" + name, e);
        }
    }
}
