package com.webshop.ivrhooks.hooks;

import java.math.BigInteger;
import java.net.InetAddress;

/** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}. */
record Network(byte[] prefix, int prefixLength) {

    static Network parse(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        try {
            InetAddress address = InetAddress.ofLiteral(parts[0]);
            int bits = address.getAddress().length * 8;
            int length = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (length < 0 || length > bits) {
                throw new IllegalArgumentException();
            }
            return new Network(address.getAddress(), length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ivr.allowed-networks: '" + cidr + "' is not an address or CIDR");
        }
    }

    boolean contains(String address) {
        byte[] candidate;
        try {
            candidate = InetAddress.ofLiteral(address).getAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (candidate.length != prefix.length) {
            return false;
        }
        int shift = prefix.length * 8 - prefixLength;
        return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, prefix).shiftRight(shift));
    }
}
