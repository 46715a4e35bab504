package com.webshop.ivrhooks.config;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisClientConfig {

    private static final long COMMAND_TIMER_TICK_MILLIS = 10;

    /**
     * While Redis is unreachable, fail commands at once instead of queueing them until the command
     * timeout: the vendor gets "Service unavailable" fast and no request thread piles up.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * The timer on which Lettuce times out every command. It keeps each command, with its keys and
     * its answer, reachable until its next tick, answered or not. At Lettuce's default tick of 100 ms
     * the benchmark's commands outlived young collections and filled the old generation of a 128 MB
     * heap every 5 to 12 s, and each full collection stopped the service for 85 ms (bench/RESULTS.md).
     * Created here rather than by Lettuce, it is also stopped here, after the client is shut down.
     */
    @Bean(destroyMethod = "stop")
    HashedWheelTimer lettuceCommandTimer() {
        return new HashedWheelTimer(new DefaultThreadFactory("lettuce-timer", true), COMMAND_TIMER_TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer commandTimer(HashedWheelTimer lettuceCommandTimer) {
        return resources -> resources.timer(lettuceCommandTimer);
    }
}
