package com.webshop.ivrhooks;

import com.webshop.ivrhooks.support.RedisTestServer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;

/**
 * {@code ./mvnw spring-boot:test-run}: the service with the demo pre-orders on a throwaway Redis
 * (Testcontainers where Docker runs, else redis-server from PATH). Demo credentials apply unless
 * IVR_USERNAME and IVR_PASSWORD are set.
 */
public class TestIvrHooksApplication {

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--spring.data.redis.url=" + RedisTestServer.url());
        if (System.getenv("IVR_USERNAME") == null && System.getenv("IVR_PASSWORD") == null) {
            arguments.add("--ivr.username=ivr_user");
            arguments.add("--ivr.password=ivr_password");
        }
        SpringApplication.from(IvrHooksApplication::main)
                .withAdditionalProfiles("demo")
                .run(arguments.toArray(String[]::new));
    }
}
