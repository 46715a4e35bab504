package com.webshop.ivrhooks.hooks;

import com.webshop.ivrhooks.ErrorText;
import com.webshop.ivrhooks.support.ApplicationJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written pre_order answer and the complete answers written at start against the records'
 * serialization by the application's own mapper: the same bytes for every failure and for thousands
 * of generated answers with awkward names and amounts.
 */
class HookResponseConverterTest {

    private static final ObjectMapper JSON = ApplicationJson.mapper();
    private static final HookResponseConverter CONVERTER = new HookResponseConverter(JSON);
    private static final ObjectWriter RECORDS = JSON.writerFor(PreOrderResponse.class);
    private static final ObjectWriter COMPLETE_RECORDS = JSON.writerFor(CompleteResponse.class);

    private static final String[] TEXTS = {"", "SKU-1001", "Wireless Mouse", "Çay bardağı (6'lı)", "\"quoted\"",
            "back\\slash", "tab\there", "line\nbreak", "\u0000\u001f", "\b\f\r\u0007\u007f", "</script>", "emoji \uD83D\uDCDE",
            "lone \uD800 surrogate", "x".repeat(5000), null};
    private static final String[] AMOUNTS = {"0", "0.0", "0.00", "9.50", "389.97", "-5", "1E+3", "1E-10",
            "123456789012345678901234567890.123456789", "0.000000001", "100", "1E+10000", "1E-10000", "-0.05", "-12.34",
            "999999999999999999", "9999999999999999999", "0.123456789012345678", "1E-19", "-999999999999999.999"};

    @Test
    void shouldWriteEveryFailureAsTheRecordsDo() {
        for (ErrorText error : ErrorText.values()) {
            assertSameBytes(PreOrderResponse.failure(error));
        }
    }

    @Test
    void shouldWriteGeneratedAnswersAsTheRecordsDo() {
        Random random = new Random(20261123);
        for (int i = 0; i < 3000; i++) {
            List<PreOrderResponse.Product> products = new ArrayList<>();
            for (int line = random.nextInt(i % 10 == 0 ? 60 : 4); line > 0; line--) {
                products.add(new PreOrderResponse.Product(text(random), amount(random), amount(random),
                        random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(10), text(random)));
            }
            assertSameBytes(new PreOrderResponse(Result.SUCCESS, products, amount(random)));
        }
    }

    @Test
    void shouldWriteEveryCompleteAnswerAsTheRecordsDo() {
        assertSameBytes(CompleteResponse.SUCCESS);
        for (ErrorText error : ErrorText.values()) {
            assertSameBytes(CompleteResponse.failure(error));
        }
        assertSameBytes(new CompleteResponse(new CompleteResponse.OrderResultResponse(
                new Result(false, "not one of the texts: \"Çay\" \uD83D\uDCDE"))));
    }

    private static void assertSameBytes(CompleteResponse response) {
        byte[] expected = COMPLETE_RECORDS.writeValueAsBytes(response);
        assertThat(CONVERTER.write(response))
                .as(() -> new String(expected, StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    private static void assertSameBytes(PreOrderResponse response) {
        byte[] expected;
        try {
            expected = RECORDS.writeValueAsBytes(response);
        } catch (JacksonException e) {
            assertThatThrownBy(() -> CONVERTER.write(response)).isInstanceOf(e.getClass());
            return;
        }
        assertThat(CONVERTER.write(response))
                .as(() -> new String(expected, StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static BigDecimal amount(Random random) {
        return random.nextInt(20) == 0 ? null : new BigDecimal(AMOUNTS[random.nextInt(AMOUNTS.length)]);
    }
}
