package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Checks the IVR vendor's credentials in constant time: the current pair, and the next one while a
 * rotation is under way. Comparing digests keeps the time independent of where, and of how long,
 * the given values differ; every pair is compared, whichever matches.
 */
@Component
class VendorCredentials {

    private static final MessageDigest SHA_256 = newSha256();

    private record Pair(byte[] username, byte[] password) {}

    private final List<Pair> accepted = new ArrayList<>();

    VendorCredentials(IvrProperties properties) {
        accepted.add(new Pair(sha256(properties.username()), sha256(properties.password())));
        if (properties.next() != null) {
            accepted.add(new Pair(sha256(properties.next().username()), sha256(properties.next().password())));
        }
    }

    boolean matches(String givenUsername, String givenPassword) {
        byte[] username = sha256(givenUsername);
        byte[] password = sha256(givenPassword);
        boolean matches = false;
        for (Pair pair : accepted) {
            matches |= MessageDigest.isEqual(pair.username(), username) & MessageDigest.isEqual(pair.password(), password);
        }
        return matches;
    }

    private static byte[] sha256(String value) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(value.getBytes(UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    /** Cloned for every digest: getInstance looks the provider up and constructs reflectively each time. */
    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
