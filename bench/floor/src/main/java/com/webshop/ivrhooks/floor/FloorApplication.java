package com.webshop.ivrhooks.floor;

import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    /** Lettuce's command timer ticking every 10 ms, as the service's (its RedisClientConfig says why). */
    @Bean(destroyMethod = "stop")
    HashedWheelTimer lettuceCommandTimer() {
        return new HashedWheelTimer(new DefaultThreadFactory("lettuce-timer", true), 10, TimeUnit.MILLISECONDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer commandTimer(HashedWheelTimer lettuceCommandTimer) {
        return resources -> resources.timer(lettuceCommandTimer);
    }
}
