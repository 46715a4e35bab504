package com.webshop.ivrhooks.config;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * JSON written straight into UTF-8 bytes, for the two texts written on every hook call: the ECS log
 * line and the pre_order answer. Each must read back byte for byte as its reference writes it, so the
 * escapes inside strings follow one of two {@link Escapes}; everything else is shared.
 */
public final class Utf8Json {

    /** How strings are escaped: the two differ only in control characters, DEL and surrogates. */
    public enum Escapes {
        /**
         * As Jackson's generator: {@code \b \t \f \n \r}, other control characters as six-character
         * escapes in upper-case hex, DEL as it is.
         * A surrogate throws {@link NotForHand}: the caller leaves such a text to the generator.
         */
        JACKSON,
        /**
         * As the log line always had them: {@code \n \r \t}, other control characters and DEL as
         * six-character escapes in lower-case hex, a surrogate pair as four bytes and a lone surrogate as {@code ?}, as
         * {@code String.getBytes} encodes it.
         */
        LOG_LINE
    }

    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(UTF_8);
    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(UTF_8);

    private final boolean jackson;
    private byte[] buffer;
    private int size;

    public Utf8Json(int capacity, Escapes escapes) {
        this.buffer = new byte[capacity];
        this.jackson = escapes == Escapes.JACKSON;
    }

    public Utf8Json bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** Text known to be ASCII. */
    public Utf8Json ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    public Utf8Json digit(int digit) {
        ensure(1);
        buffer[size++] = (byte) ('0' + digit);
        return this;
    }

    /** A JSON string, or {@code null}: quotes, backslashes and control characters escaped. */
    public Utf8Json string(String value) {
        if (value == null) {
            return ascii("null");
        }
        // at most six bytes a char, for an escape; a surrogate pair's four bytes are two chars
        ensure(value.length() * 6 + 2);
        byte[] out = buffer;
        int at = size;
        out[at++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out[at++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                out[at++] = '\\';
                out[at++] = (byte) c;
            } else if (c == 0x7f && jackson) {
                out[at++] = (byte) c;
            } else if (c < 0x80) {
                at = control(out, at, c);
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (jackson) {
                throw NotForHand.INSTANCE;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xf0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint & 0x3f);
            } else {
                out[at++] = '?';
            }
        }
        out[at++] = '"';
        size = at;
        return this;
    }

    /**
     * A number as {@link BigDecimal#toPlainString()} writes it. Where the unscaled value has at most
     * 18 digits and the scale is 0 to 18 (every real amount), the digits go straight into the
     * buffer: toPlainString built two strings and a builder for each.
     */
    public Utf8Json plain(BigDecimal number) {
        int scale = number.scale();
        int digits = number.precision();
        if (scale < 0 || scale > 18 || digits > 18) {
            return ascii(number.toPlainString());
        }
        long unscaled = number.unscaledValue().longValue();
        if (unscaled < 0) {
            ascii("-");
            unscaled = -unscaled;
        }
        int length = Math.max(digits - scale, 1) + (scale > 0 ? 1 + scale : 0);
        ensure(length);
        int at = size + length;
        size = at;
        for (int i = 0; i < scale; i++, unscaled /= 10) {
            buffer[--at] = (byte) ('0' + unscaled % 10);
        }
        if (scale > 0) {
            buffer[--at] = '.';
        }
        do {
            buffer[--at] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
        } while (unscaled != 0);
        return this;
    }

    /** Empties the buffer for the next text, keeping its capacity. */
    public Utf8Json clear() {
        size = 0;
        return this;
    }

    public int size() {
        return size;
    }

    int capacity() {
        return buffer.length;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, size, UTF_8);
    }

    /** A control character (or DEL in the log line's escapes), escaped at {@code at}; returns the new end. */
    private int control(byte[] out, int at, char c) {
        out[at++] = '\\';
        char shortEscape = switch (c) {
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> jackson ? 'b' : 0;
            case '\f' -> jackson ? 'f' : 0;
            default -> 0;
        };
        if (shortEscape != 0) {
            out[at++] = (byte) shortEscape;
            return at;
        }
        byte[] hex = jackson ? UPPER_HEX : LOWER_HEX;
        out[at++] = 'u';
        out[at++] = '0';
        out[at++] = '0';
        out[at++] = hex[c >> 4];
        out[at++] = hex[c & 0xf];
        return at;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size + more, buffer.length * 2));
        }
    }

    /** What a text written by hand leaves to Jackson's own generator, whose settings and errors then apply. */
    public static final class NotForHand extends RuntimeException {

        public static final NotForHand INSTANCE = new NotForHand();

        private NotForHand() {
            super(null, null, false, false);
        }
    }
}
