package com.webshop.ivrhooks.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Around a hook call runs one servlet filter, the call's own log line and timer (HookCallFilter).
 * Spring Boot's defaults added four more that the service has no use for: the request-context
 * filter, left out here; the character-encoding and form-content filters, switched off in
 * application.yml together with the per-request event; and Tomcat's WebSocket filter, whose jar the
 * pom leaves out. Each did a little work on every call, and added frames to the stack that a call
 * parks while it waits on Redis (bench/RESULTS.md).
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
