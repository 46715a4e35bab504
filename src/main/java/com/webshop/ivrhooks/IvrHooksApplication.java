package com.webshop.ivrhooks;

import com.webshop.ivrhooks.config.BatchedStdout;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IvrHooksApplication {

    public static void main(String[] args) {
        // Lettuce registers JFR event types on its first connection: 40 ms of a cold start, for
        // connection events that the service's own logs and metrics already cover.
        if (System.getProperty("io.lettuce.core.jfr") == null) {
            System.setProperty("io.lettuce.core.jfr", "false");
        }
        BatchedStdout.install();
        SpringApplication.run(IvrHooksApplication.class, args);
    }
}
