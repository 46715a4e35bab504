package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.config.IvrProperties;
import com.webshop.ivrhooks.hooks.Admission.Admitted;
import com.webshop.ivrhooks.hooks.Admission.Refused;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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

    /**
     * Admits the caller or says why not. A caller from an allowed network has its lockout read sent
     * to Redis and then {@code firstRead} run, so that the hook's own first read shares that round
     * trip; what it read is handed on only if the caller is admitted. Outside the allowed networks
     * nothing is read.
     */
    <T> Admission<T> admit(String clientAddress, String username, String password, Supplier<T> firstRead) {
        if (!allowedNetworks.isEmpty() && !isAllowed(clientAddress)) {
            log.warn("Call from {} refused: outside ivr.allowed-networks", clientAddress);
            return new Refused<>(ErrorText.USER_INVALID);
        }
        CompletableFuture<byte[]> failures = throttle.readFailures(clientAddress);
        T read = firstRead.get();
        if (throttle.isLockedOut(failures)) {
            return new Refused<>(ErrorText.TOO_MANY_FAILED_ATTEMPTS);
        }
        if (!credentials.matches(username, password)) {
            if (throttle.recordFailure(clientAddress)) {
                meters.counter("ivr.logins.locked.out").increment();
                log.warn("Client {} locked out after too many failed credential checks", clientAddress);
            }
            return new Refused<>(ErrorText.USER_INVALID);
        }
        return new Admitted<>(read);
    }

    /** The address parsed once, whatever the number of networks, and no stream per call. */
    private boolean isAllowed(String clientAddress) {
        byte[] address = Network.address(clientAddress);
        for (Network network : allowedNetworks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
