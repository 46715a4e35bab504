package com.webshop.ivrhooks.config;

import com.webshop.ivrhooks.IvrHooksApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start without credentials; nothing else is needed to start it. */
class StartupTest {

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(IvrHooksApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.data.redis.port=1")
                .properties(properties)
                .run();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ivr.username=       | ivr.password=secret | IVR_USERNAME",
            "ivr.username=   | ivr.password=secret | IVR_USERNAME",
            "ivr.username=vendor | ivr.password=       | IVR_PASSWORD",
            "ivr.username=vendor | ivr.password=  | IVR_PASSWORD"})
    void shouldRefuseToStartWithoutCredentials(String username, String password, String missing) {
        assertThatThrownBy(() -> start(username, password).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains(missing + " (ivr.").contains("missing or blank"));
    }

    @Test
    void shouldStartWithCredentialsEvenWhileRedisIsUnreachable() {
        try (ConfigurableApplicationContext context = start("ivr.username=vendor", "ivr.password=secret")) {
            assertThat(context.getBean(IvrProperties.class).toString())
                    .contains("vendor").doesNotContain("secret");
        }
    }

    @Test
    void shouldRejectABracedKeyPrefix() {
        assertThatThrownBy(() -> start("ivr.username=vendor", "ivr.password=secret", "ivr.redis.key-prefix={x}").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("ivr.redis.key-prefix"));
    }
}
