package com.webshop.ivrhooks.hooks;

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

    /** The address's bytes, 4 or 16, or null where it is not an address literal. */
    static byte[] address(String literal) {
        try {
            return InetAddress.ofLiteral(literal).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the address's first {@code prefixLength} bits are the prefix's, compared byte by byte. */
    boolean contains(byte[] address) {
        if (address == null || address.length != prefix.length) {
            return false;
        }
        int wholeBytes = prefixLength / 8;
        for (int i = 0; i < wholeBytes; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        int mask = (0xff << (8 - restBits)) & 0xff;
        return restBits == 0 || (address[wholeBytes] & mask) == (prefix[wholeBytes] & mask);
    }
}
