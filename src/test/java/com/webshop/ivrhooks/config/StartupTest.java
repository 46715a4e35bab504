package com.webshop.ivrhooks.config;

import com.webshop.ivrhooks.IvrHooksApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void shouldRefuseAHalfConfiguredNextCredential() {
        assertThatThrownBy(() -> start("ivr.username=vendor", "ivr.password=secret", "ivr.next.username=next").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("IVR_NEXT_PASSWORD"));
    }

    @Test
    void shouldRefuseAnInvalidAllowedNetwork() {
        assertThatThrownBy(() -> start("ivr.username=vendor", "ivr.password=secret", "ivr.allowed-networks=10.0.0.0/40")
                .close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("ivr.allowed-networks").contains("10.0.0.0/40"));
    }

    @Test
    void shouldReadCredentialsFromASecretVolume(@TempDir Path secrets) throws IOException {
        Files.writeString(secrets.resolve("ivr.username"), "vendor-from-file\n");
        Files.writeString(secrets.resolve("ivr.password"), "secret-from-file\n");

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IvrHooksApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.config.import=configtree:" + secrets + "/", "--spring.data.redis.port=1")) {
            IvrProperties properties = context.getBean(IvrProperties.class);
            assertThat(properties.username()).isEqualTo("vendor-from-file");
            assertThat(properties.password()).isEqualTo("secret-from-file");
        }
    }

    @Test
    void shouldRefuseToWaitForReplicasWhenRecordingInSteps() {
        assertThatThrownBy(() -> start("ivr.username=vendor", "ivr.password=secret", "ivr.redis.wait-replicas=1",
                "ivr.redis.single-slot-scripts=true").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("ivr.redis.wait-replicas"));
    }

    @Test
    void shouldRejectABracedKeyPrefix() {
        assertThatThrownBy(() -> start("ivr.username=vendor", "ivr.password=secret", "ivr.redis.key-prefix={x}").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("ivr.redis.key-prefix"));
    }
}
