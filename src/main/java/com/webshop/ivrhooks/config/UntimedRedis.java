package com.webshop.ivrhooks.config;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The hooks' Redis calls, sent on the shared Lettuce connection and awaited without a timer of their
 * own. Lettuce already ends every command after {@code spring.data.redis.timeout} (its default
 * timeout options) with a {@code RedisCommandTimeoutException}, so no wait outlasts that. Spring
 * Data Redis's own wait is timed too, and on a virtual thread every timed wait schedules and
 * cancels a task on the JDK's delay scheduler: about a quarter of a hook call's CPU in the
 * benchmark. Failures become Spring's {@link DataAccessException}s, as on the template.
 */
public final class UntimedRedis {

    private UntimedRedis() {}

    public static <T> T call(StringRedisTemplate redis,
            Function<RedisClusterAsyncCommands<byte[], byte[]>, ? extends CompletionStage<T>> command) {
        return await(redis, send(redis, command));
    }

    /**
     * Sends a command without waiting for its answer, so that the commands sent after it share its
     * round trip. The shared connection, on which the hooks' commands go, outlives the callback.
     */
    public static <T> CompletableFuture<T> send(StringRedisTemplate redis,
            Function<RedisClusterAsyncCommands<byte[], byte[]>, ? extends CompletionStage<T>> command) {
        // an exposed connection: the template's proxy around it would only add a reflective call
        return redis.execute((RedisCallback<CompletableFuture<T>>) connection -> {
            @SuppressWarnings("unchecked")
            var commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            try {
                return command.apply(commands).toCompletableFuture();
            } catch (RuntimeException e) {
                throw translated(redis, e);
            }
        }, true);
    }

    /** The answer to a command from {@link #send}. */
    public static <T> T await(StringRedisTemplate redis, CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw translated(redis, e.getCause());
        } catch (RuntimeException e) {
            throw translated(redis, e);
        }
    }

    /** EVALSHA, and EVAL where Redis does not hold the script yet (after a restart or a failover). */
    public static <T> CompletionStage<T> script(RedisClusterAsyncCommands<byte[], byte[]> commands,
            RedisScript<?> script, ScriptOutputType type, byte[][] keys, byte[]... arguments) {
        return commands.<T>evalsha(script.getSha1(), type, keys, arguments).exceptionallyCompose(e ->
                cause(e) instanceof RedisNoScriptException
                        ? commands.<T>eval(script.getScriptAsString(), type, keys, arguments)
                        : CompletableFuture.failedStage(e));
    }

    private static RuntimeException translated(StringRedisTemplate redis, Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof RuntimeException e) {
            DataAccessException translated = redis.getRequiredConnectionFactory().translateExceptionIfPossible(e);
            return translated != null ? translated : e;
        }
        return new CompletionException(cause);
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
