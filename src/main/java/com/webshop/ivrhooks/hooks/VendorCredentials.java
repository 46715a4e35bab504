package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Checks the IVR vendor's credentials in constant time: the current pair, and the next one while a
 * rotation is under way. {@link MessageDigest#isEqual} takes as long as the accepted value is long,
 * whatever the given value is, so the time tells nothing of where, or of how long, the given values
 * differ; every pair is compared, whichever matches. Hashing both sides first bought nothing more
 * and cost a SHA-256 state per value and call.
 */
@Component
class VendorCredentials {

    private record Pair(byte[] username, byte[] password) {}

    private final List<Pair> accepted = new ArrayList<>();

    VendorCredentials(IvrProperties properties) {
        accepted.add(new Pair(properties.username().getBytes(UTF_8), properties.password().getBytes(UTF_8)));
        if (properties.next() != null) {
            accepted.add(new Pair(properties.next().username().getBytes(UTF_8),
                    properties.next().password().getBytes(UTF_8)));
        }
    }

    boolean matches(String givenUsername, String givenPassword) {
        byte[] username = givenUsername.getBytes(UTF_8);
        byte[] password = givenPassword.getBytes(UTF_8);
        boolean matches = false;
        for (Pair pair : accepted) {
            // the accepted value first: its length, not the given one's, sets the time
            matches |= MessageDigest.isEqual(pair.username(), username)
                    & MessageDigest.isEqual(pair.password(), password);
        }
        return matches;
    }
}
