package com.webshop.ivrhooks.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.Lifecycle;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the shared Redis connection on a thread of its own as soon as the connection factory exists
 * (it starts itself when created), while the rest of the service, Tomcat and the actuator are still
 * starting. Otherwise the first hook call and the first readiness check wait for it: 100 to 200 ms
 * on a cold JVM, with the vendor's caller listening to silence. If Redis is not there yet, the
 * calls connect as they always do.
 */
@Component
class RedisConnectionOpener implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(RedisConnectionOpener.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RedisConnectionFactory factory && bean instanceof Lifecycle lifecycle
                && lifecycle.isRunning()) {
            Thread.ofPlatform().daemon().name("redis-connection-opener").start(() -> open(factory, lifecycle));
        }
        return bean;
    }

    private static void open(RedisConnectionFactory factory, Lifecycle lifecycle) {
        try (RedisConnection connection = factory.getConnection()) {
            connection.ping();
        } catch (RuntimeException e) {
            // a start that failed meanwhile (missing credentials, say) has stopped the factory
            if (lifecycle.isRunning()) {
                log.warn("Redis not reachable at startup: {}", e.getMessage());
            }
        }
    }
}
