package com.webshop.ivrhooks.config;

import com.webshop.ivrhooks.AbstractIntegrationTest;
import com.webshop.ivrhooks.support.SessionDocuments;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.support.ServletRequestHandledEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What runs around a hook call besides the hook: its own filter, and nothing Spring Boot adds by default. */
class ServletFilterConfigTest extends AbstractIntegrationTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    List<ServletRequestHandledEvent> handledEvents;

    @Test
    void shouldRunOnlyTheHookCallFilterAroundTheHooks() {
        assertThat(context.getServletContext().getFilterRegistrations()).containsOnlyKeys("hookCallFilter");
    }

    @Test
    void shouldPublishNoEventPerCall() {
        seedPreOrder("ORD-FILTERS-1", "sess-filters", SessionDocuments.standard("ORD-FILTERS-1"));

        preOrder("ORD-FILTERS-1").body("result.success", equalTo(true));

        assertThat(handledEvents).isEmpty();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class HandledEvents {

        @Bean
        List<ServletRequestHandledEvent> handledEvents() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        ApplicationListener<ServletRequestHandledEvent> handledEventsListener(List<ServletRequestHandledEvent> events) {
            return events::add;
        }
    }
}
