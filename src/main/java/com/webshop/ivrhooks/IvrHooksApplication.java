package com.webshop.ivrhooks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IvrHooksApplication {

    public static void main(String[] args) {
        SpringApplication.run(IvrHooksApplication.class, args);
    }
}
