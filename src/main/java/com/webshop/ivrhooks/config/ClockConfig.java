package com.webshop.ivrhooks.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfig {

    /** Timestamps on transactions and rejections are UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
