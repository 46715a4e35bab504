package com.webshop.ivrhooks.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings. {@code IVR_USERNAME} and {@code IVR_PASSWORD} bind here through
 * relaxed binding; there are deliberately no default credentials.
 *
 * @param next an optional second credential pair ({@code IVR_NEXT_USERNAME}, {@code IVR_NEXT_PASSWORD})
 *     accepted alongside the first, so the vendor can switch without downtime
 * @param allowedNetworks CIDRs the hooks may be called from; empty allows every address
 */
@ConfigurationProperties(prefix = "ivr")
public record IvrProperties(
        String username,
        String password,
        Credentials next,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue Redis redis,
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue List<String> allowedNetworks) {

    public IvrProperties {
        requireText(username, "IVR_USERNAME (ivr.username) is missing or blank: set the IVR vendor's username");
        requireText(password, "IVR_PASSWORD (ivr.password) is missing or blank: set the IVR vendor's password");
        if (next != null) {
            requireText(next.username(), "IVR_NEXT_USERNAME (ivr.next.username) is blank but a next credential is configured");
            requireText(next.password(), "IVR_NEXT_PASSWORD (ivr.next.password) is blank but a next credential is configured");
        }
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("ivr.max-body-size must be between 1B and 2GB");
        }
    }

    private static void requireText(String value, String message) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalArgumentException(message);
        }
    }

    public record Credentials(String username, String password) {

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=******]";
        }
    }

    /**
     * @param keyPrefix first segment of every Redis key, shared with the checkout
     * @param publishLease on Redis Cluster, how long a recorded transaction's stream entry may take to
     *     be written before a replay of the complete takes over and writes it
     * @param waitReplicas with a replicated standalone or Sentinel Redis, how many replicas must have
     *     a new transaction (Redis WAIT) before the vendor is told it succeeded; 0 does not wait
     * @param waitTimeout how long to wait for them before answering "Service unavailable"
     * @param singleSlotScripts record in single-slot steps as on Redis Cluster, for a sharding proxy
     *     that presents a cluster as one endpoint
     */
    public record Redis(
            @DefaultValue("ivr") String keyPrefix,
            @DefaultValue("30s") Duration publishLease,
            @DefaultValue("0") int waitReplicas,
            @DefaultValue("500ms") Duration waitTimeout,
            @DefaultValue("false") boolean singleSlotScripts) {

        public Redis {
            if (!StringUtils.hasText(keyPrefix) || keyPrefix.contains("{") || keyPrefix.contains("}")) {
                throw new IllegalArgumentException(
                        "ivr.redis.key-prefix must be non-blank and free of braces (they are hash tags)");
            }
            if (publishLease.toMillis() < 1) {
                throw new IllegalArgumentException("ivr.redis.publish-lease must be positive");
            }
            if (waitReplicas < 0 || waitTimeout.toMillis() < 1) {
                throw new IllegalArgumentException(
                        "ivr.redis.wait-replicas must not be negative and ivr.redis.wait-timeout must be positive");
            }
        }
    }

    /**
     * After {@code maxFailures} failed credential checks from one client address within {@code window},
     * that address is refused until the window has passed.
     */
    public record LoginThrottle(@DefaultValue("10") int maxFailures, @DefaultValue("5m") Duration window) {

        public LoginThrottle {
            if (maxFailures < 1 || window.toMillis() < 1) {
                throw new IllegalArgumentException(
                        "ivr.login-throttle.max-failures and .window must be positive");
            }
        }
    }

    @Override
    public String toString() {
        return "IvrProperties[username=" + username + ", password=******, next=" + next + ", maxBodySize="
                + maxBodySize + ", redis=" + redis + ", loginThrottle=" + loginThrottle + ", allowedNetworks="
                + allowedNetworks + "]";
    }
}
