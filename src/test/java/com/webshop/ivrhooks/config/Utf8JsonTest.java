package com.webshop.ivrhooks.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8JsonTest {

    @Test
    void shouldWriteNumbersAsToPlainStringDoes() {
        Random random = new Random(20261124);
        for (int i = 0; i < 100_000; i++) {
            BigInteger unscaled = switch (i % 4) {
                case 0 -> BigInteger.valueOf(random.nextInt(2_000) - 1_000);
                case 1 -> BigInteger.valueOf(random.nextLong());
                case 2 -> BigInteger.TEN.pow(random.nextInt(20)).subtract(BigInteger.valueOf(random.nextInt(2)));
                default -> new BigInteger(90, random).negate();
            };
            BigDecimal number = new BigDecimal(unscaled, random.nextInt(46) - 6);
            Utf8Json json = new Utf8Json(4, Utf8Json.Escapes.JACKSON).ascii("[").plain(number).ascii("]");
            assertThat(json.toString()).isEqualTo("[" + number.toPlainString() + "]");
        }
    }

    @Test
    void shouldStartAgainAfterClear() {
        Utf8Json json = new Utf8Json(8, Utf8Json.Escapes.LOG_LINE).string("a long first text that grows the buffer");
        int grown = json.capacity();

        assertThat(json.clear().string("b").toString()).isEqualTo("\"b\"");
        assertThat(json.size()).isEqualTo(3);
        assertThat(json.capacity()).isEqualTo(grown);
    }
}
