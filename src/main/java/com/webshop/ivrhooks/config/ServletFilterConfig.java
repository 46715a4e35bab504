package com.webshop.ivrhooks.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Around a hook call runs one servlet filter, the call's own log line and timer. Spring Boot's
 * defaults added four more that the service has no use for (the others are switched off in
 * application.yml, and Tomcat's WebSocket filter left out in the pom). Each did a little work per
 * call and made the stack that a virtual thread parks on Redis with deeper (bench/RESULTS.md).
 */
@Configuration(proxyBeanMethods = false)
class ServletFilterConfig {

    /**
     * The DispatcherServlet exposes the request and its locale to Spring's code by itself, and no
     * code before it asks for them. Registered disabled, so that Spring Boot adds none of its own.
     */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilterLeftOut() {
        FilterRegistrationBean<RequestContextFilter> registration =
                new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setEnabled(false);
        return registration;
    }
}
