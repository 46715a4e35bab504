package com.webshop.ivrhooks.hooks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkTest {

    @Test
    void shouldMatchAddressesInsideTheNetworkOnly() {
        Network network = Network.parse("10.20.0.0/14");

        assertThat(network.contains("10.20.0.1")).isTrue();
        assertThat(network.contains("10.23.255.255")).isTrue();
        assertThat(network.contains("10.24.0.0")).isFalse();
        assertThat(network.contains("::ffff:10.21.3.4")).isTrue();
        assertThat(network.contains("fd00::1")).isFalse();
        assertThat(network.contains("not-an-address")).isFalse();
    }

    @Test
    void shouldTreatASingleAddressAsAFullLengthPrefix() {
        assertThat(Network.parse("192.0.2.7").contains("192.0.2.7")).isTrue();
        assertThat(Network.parse("192.0.2.7").contains("192.0.2.8")).isFalse();
        assertThat(Network.parse("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
        assertThat(Network.parse("0.0.0.0/0").contains("203.0.113.1")).isTrue();
    }

    @Test
    void shouldRejectWhatIsNotACidr() {
        assertThatThrownBy(() -> Network.parse("10.0.0.0/33")).hasMessageContaining("ivr.allowed-networks");
        assertThatThrownBy(() -> Network.parse("example.com/8")).hasMessageContaining("ivr.allowed-networks");
        assertThatThrownBy(() -> Network.parse("10.0.0.0/x")).hasMessageContaining("ivr.allowed-networks");
    }
}
