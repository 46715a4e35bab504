package com.webshop.ivrhooks.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfig.class);

    @Test
    void shouldKeepJacksonBuffersPerThreadOnPlatformThreads() {
        context.run(app -> assertThat(app.getBean(ObjectMapper.class).tokenStreamFactory()._getRecyclerPool())
                .isSameAs(JsonRecyclerPools.threadLocalPool()));
    }

    @Test
    void shouldLeaveJacksonsSharedPoolToVirtualThreads() {
        context.withPropertyValues("spring.threads.virtual.enabled=true")
                .run(app -> assertThat(app.getBean(ObjectMapper.class).tokenStreamFactory()._getRecyclerPool())
                        .isNotSameAs(JsonRecyclerPools.threadLocalPool()));
    }
}
