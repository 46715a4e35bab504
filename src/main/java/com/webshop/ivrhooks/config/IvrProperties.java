package com.webshop.ivrhooks.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings. {@code IVR_USERNAME} and {@code IVR_PASSWORD} bind here through
 * relaxed binding; there are deliberately no default credentials.
 */
@ConfigurationProperties(prefix = "ivr")
public record IvrProperties(
        String username,
        String password,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue Redis redis) {

    public IvrProperties {
        if (!StringUtils.hasText(username)) {
            throw new IllegalArgumentException(
                    "IVR_USERNAME (ivr.username) is missing or blank: set the IVR vendor's username");
        }
        if (!StringUtils.hasText(password)) {
            throw new IllegalArgumentException(
                    "IVR_PASSWORD (ivr.password) is missing or blank: set the IVR vendor's password");
        }
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("ivr.max-body-size must be between 1B and 2GB");
        }
    }

    /** @param keyPrefix first segment of every Redis key, shared with the checkout */
    public record Redis(@DefaultValue("ivr") String keyPrefix) {

        public Redis {
            if (!StringUtils.hasText(keyPrefix) || keyPrefix.contains("{") || keyPrefix.contains("}")) {
                throw new IllegalArgumentException(
                        "ivr.redis.key-prefix must be non-blank and free of braces (they are hash tags)");
            }
        }
    }

    @Override
    public String toString() {
        return "IvrProperties[username=" + username + ", password=******, maxBodySize=" + maxBodySize
                + ", redis=" + redis + "]";
    }
}
