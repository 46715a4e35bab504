package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.config.IvrProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether a caller is the IVR vendor: from an allowed network, not locked out by failed
 * attempts, and with valid credentials. The client address is the TCP peer, or the forwarded one
 * where {@code server.forward-headers-strategy} trusts the proxy in front.
 */
@Component
class VendorGate {

    private static final Logger log = LoggerFactory.getLogger(VendorGate.class);

    private final List<Network> allowedNetworks;
    private final FailedLoginThrottle throttle;
    private final VendorCredentials credentials;
    private final MeterRegistry meters;

    VendorGate(IvrProperties properties, FailedLoginThrottle throttle, VendorCredentials credentials,
            MeterRegistry meters) {
        this.allowedNetworks = properties.allowedNetworks().stream().map(Network::parse).toList();
        this.throttle = throttle;
        this.credentials = credentials;
        this.meters = meters;
    }

    boolean hasValidCredentials(String username, String password) {
        return credentials.matches(username, password);
    }

    /** @return why the caller is refused, or empty when it may go on */
    Optional<ErrorText> refusal(String clientAddress, String username, String password) {
        if (!allowedNetworks.isEmpty() && allowedNetworks.stream().noneMatch(n -> n.contains(clientAddress))) {
            log.warn("Call from {} refused: outside ivr.allowed-networks", clientAddress);
            return Optional.of(ErrorText.USER_INVALID);
        }
        if (throttle.isLockedOut(clientAddress)) {
            return Optional.of(ErrorText.TOO_MANY_FAILED_ATTEMPTS);
        }
        if (!credentials.matches(username, password)) {
            if (throttle.recordFailure(clientAddress)) {
                meters.counter("ivr.logins.locked.out").increment();
                log.warn("Client {} locked out after too many failed credential checks", clientAddress);
            }
            return Optional.of(ErrorText.USER_INVALID);
        }
        return Optional.empty();
    }
}
