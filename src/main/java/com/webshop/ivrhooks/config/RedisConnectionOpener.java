package com.webshop.ivrhooks.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the shared Redis connection on a thread of its own as soon as the connection factory has
 * started, while Tomcat and the actuator are still starting. Otherwise the first hook call pays for
 * it: about 100 ms on a cold JVM, with the vendor's caller listening to silence. If Redis is not
 * there yet, the calls connect as they always do.
 */
@Component
class RedisConnectionOpener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisConnectionOpener.class);

    private final RedisConnectionFactory factory;
    private volatile boolean running;

    RedisConnectionOpener(RedisConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void start() {
        running = true;
        Thread.ofPlatform().daemon().name("redis-connection-opener").start(this::open);
    }

    private void open() {
        try (RedisConnection connection = factory.getConnection()) {
            connection.ping();
        } catch (RuntimeException e) {
            log.warn("Redis not reachable at startup: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Right after the connection factory, which only then accepts calls. */
    @Override
    public int getPhase() {
        return factory instanceof SmartLifecycle lifecycle ? lifecycle.getPhase() + 1 : 0;
    }
}
