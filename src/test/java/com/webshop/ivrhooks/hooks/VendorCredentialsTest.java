package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties.Credentials;
import com.webshop.ivrhooks.support.IvrSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VendorCredentialsTest {

    private static VendorCredentials credentials(Credentials next) {
        Map<String, String> settings = new HashMap<>(Map.of("username", "ivr-vendor", "password", "s3cret-ş"));
        if (next != null) {
            settings.put("next.username", next.username());
            settings.put("next.password", next.password());
        }
        return new VendorCredentials(IvrSettings.bound(settings));
    }

    @Test
    void shouldAcceptExactlyTheConfiguredPair() {
        VendorCredentials current = credentials(null);

        assertThat(current.matches("ivr-vendor", "s3cret-ş")).isTrue();
        for (String password : List.of("", "s", "s3cret-", "s3cret-s", "s3cret-ş ", "S3cret-ş", "s3cret-şş", "x3cret-ş",
                "s3cret-ş\u0000", "ivr-vendor")) {
            assertThat(current.matches("ivr-vendor", password)).as(password).isFalse();
        }
        for (String username : List.of("", "ivr-vendo", "ivr-vendorr", "IVR-vendor", "s3cret-ş")) {
            assertThat(current.matches(username, "s3cret-ş")).as(username).isFalse();
        }
    }

    @Test
    void shouldAcceptTheNextPairButNeverHalfOfEach() {
        VendorCredentials rotating = credentials(new Credentials("ivr-next", "next-pass"));

        assertThat(rotating.matches("ivr-vendor", "s3cret-ş")).isTrue();
        assertThat(rotating.matches("ivr-next", "next-pass")).isTrue();
        assertThat(rotating.matches("ivr-vendor", "next-pass")).isFalse();
        assertThat(rotating.matches("ivr-next", "s3cret-ş")).isFalse();
    }
}
