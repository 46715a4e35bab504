package com.webshop.ivrhooks.config;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.core.util.JsonRecyclerPools;

@Configuration(proxyBeanMethods = false)
class JsonConfig {

    /**
     * Jackson's buffers kept per thread, as suits Tomcat's pooled platform threads: its default
     * shared pool, made for virtual threads, cost about 2 % of a hook call in its deque. Decided when
     * the application starts, not when its AOT context is built.
     */
    @Bean
    JsonFactoryBuilderCustomizer perThreadJsonBuffers(Environment environment) {
        return factory -> {
            if (Threading.PLATFORM.isActive(environment)) {
                factory.recyclerPool(JsonRecyclerPools.threadLocalPool());
            }
        };
    }
}
