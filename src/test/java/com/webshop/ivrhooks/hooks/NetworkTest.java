package com.webshop.ivrhooks.hooks;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkTest {

    @Test
    void shouldMatchAddressesInsideTheNetworkOnly() {
        Network network = Network.parse("10.20.0.0/14");

        assertThat(contains(network, "10.20.0.1")).isTrue();
        assertThat(contains(network, "10.23.255.255")).isTrue();
        assertThat(contains(network, "10.24.0.0")).isFalse();
        assertThat(contains(network, "::ffff:10.21.3.4")).isTrue();
        assertThat(contains(network, "fd00::1")).isFalse();
        assertThat(contains(network, "not-an-address")).isFalse();
    }

    @Test
    void shouldTreatASingleAddressAsAFullLengthPrefix() {
        assertThat(contains(Network.parse("192.0.2.7"), "192.0.2.7")).isTrue();
        assertThat(contains(Network.parse("192.0.2.7"), "192.0.2.8")).isFalse();
        assertThat(contains(Network.parse("2001:db8::/32"), "2001:db8:ffff::1")).isTrue();
        assertThat(contains(Network.parse("0.0.0.0/0"), "203.0.113.1")).isTrue();
    }

    @Test
    void shouldAgreeWithTheNumericPrefixRuleOnRandomAddressesAndLengths() {
        Random random = new Random(20261207L);
        for (int i = 0; i < 20_000; i++) {
            byte[] prefix = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(prefix);
            int length = random.nextInt(prefix.length * 8 + 1);
            byte[] address = prefix.clone();
            // near misses: the prefix with one bit flipped somewhere
            int flipped = random.nextInt(prefix.length * 8);
            address[flipped / 8] ^= (byte) (0x80 >>> (flipped % 8));
            int shift = prefix.length * 8 - length;
            boolean expected = new BigInteger(1, address).shiftRight(shift)
                    .equals(new BigInteger(1, prefix).shiftRight(shift));
            assertThat(new Network(prefix, length).contains(address)).as("bit %d of /%d", flipped, length)
                    .isEqualTo(expected)
                    .isEqualTo(flipped >= length);
        }
    }

    @Test
    void shouldRejectWhatIsNotACidr() {
        assertThatThrownBy(() -> Network.parse("10.0.0.0/33")).hasMessageContaining("ivr.allowed-networks");
        assertThatThrownBy(() -> Network.parse("example.com/8")).hasMessageContaining("ivr.allowed-networks");
        assertThatThrownBy(() -> Network.parse("10.0.0.0/x")).hasMessageContaining("ivr.allowed-networks");
    }

    /** As the gate asks: the caller's address parsed, then matched. */
    private static boolean contains(Network network, String address) {
        return network.contains(Network.address(address));
    }
}
