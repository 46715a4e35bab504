package com.webshop.ivrhooks.floor;

import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.RequestContextFilter;

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

    /** Without Spring Boot's request-context filter, as the service. */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilterLeftOut() {
        FilterRegistrationBean<RequestContextFilter> registration =
                new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setEnabled(false);
        return registration;
    }
}
