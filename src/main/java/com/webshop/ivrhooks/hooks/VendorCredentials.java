package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.stereotype.Component;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Checks the IVR vendor's credentials in constant time. Comparing digests keeps the time
 * independent of where, and of how long, the given values differ.
 */
@Component
class VendorCredentials {

    private final byte[] username;
    private final byte[] password;

    VendorCredentials(IvrProperties properties) {
        this.username = sha256(properties.username());
        this.password = sha256(properties.password());
    }

    boolean matches(String givenUsername, String givenPassword) {
        boolean usernameMatches = MessageDigest.isEqual(username, sha256(givenUsername));
        boolean passwordMatches = MessageDigest.isEqual(password, sha256(givenPassword));
        return usernameMatches & passwordMatches;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
