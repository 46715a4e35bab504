package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.config.IvrProperties;
import com.webshop.ivrhooks.config.IvrProperties.Credentials;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class VendorCredentialsTest {

    private static VendorCredentials credentials(Credentials next) {
        return new VendorCredentials(new IvrProperties("ivr-vendor", "s3cret-ş", next, DataSize.ofKilobytes(64),
                new IvrProperties.Redis("ivr", Duration.ofSeconds(30), 0, Duration.ofMillis(500), false),
                new IvrProperties.LoginThrottle(10, Duration.ofMinutes(5)), List.of()));
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
