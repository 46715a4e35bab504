package com.webshop.ivrhooks.config;

import com.webshop.ivrhooks.IvrHooksApplication;
import com.webshop.ivrhooks.support.RedisTestServer;
import io.lettuce.core.resource.ClientResources;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Lettuce times commands out on the service's own timer, which ends with the application context. */
class RedisClientConfigTest {

    @Test
    void shouldTimeCommandsOutOnTheFineTimerAndStopItWithTheContext() {
        Map<String, Object> properties = new HashMap<>(RedisTestServer.properties());
        properties.put("ivr.username", "vendor");
        properties.put("ivr.password", "secret");
        Timer timer;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IvrHooksApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run()) {
            timer = context.getBean(ClientResources.class).timer();
            assertThat(timer).isSameAs(context.getBean(HashedWheelTimer.class));
            assertThat(context.getBean(StringRedisTemplate.class).opsForValue().get("timer-test:absent")).isNull();
        }
        assertThatIllegalStateException().isThrownBy(() -> timer.newTimeout(timeout -> {}, 1, TimeUnit.SECONDS));
    }
}
